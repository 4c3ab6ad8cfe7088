/**
 * Settings (typed, checked once), the wiring of every adapter to the use cases ({@code Wiring}: swapping an
 * adapter is a change here only) and {@code main}.
 */
package app.todo.bootstrap;

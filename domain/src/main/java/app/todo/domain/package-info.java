/**
 * The model and its rules, in plain Java: tasks ({@code task}), users ({@code user}), accounts, sessions
 * and signing-key material ({@code account}), and the shared value rules ({@code shared}). Depends on
 * nothing but the JDK.
 */
package app.todo.domain;

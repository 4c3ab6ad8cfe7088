/**
 * Driven adapter: asks the frontend's Better Auth server who holds a session ({@code get-session}),
 * over the JDK's HTTP client.
 */
package app.todo.adapter.out.http.betterauth;

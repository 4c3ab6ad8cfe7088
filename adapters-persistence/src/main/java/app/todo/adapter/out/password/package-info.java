/**
 * Driven adapter: password hashing with Argon2id (Bouncy Castle) at OWASP's parameters, on a small bounded
 * pool of its own; it owns the stored hash format.
 */
package app.todo.adapter.out.password;

/**
 * Driven adapter: the store. {@code jooq}: the repositories, transactions, the signing-key store (private
 * halves sealed with AES-GCM when {@code AUTH_SECRET} is set) and the Bucket4j rate limiter, on PostgreSQL
 * or the embedded H2, schema by Flyway; {@code keys}: makes Ed25519 key pairs in the store's form.
 */
package app.todo.adapter.out.persistence;

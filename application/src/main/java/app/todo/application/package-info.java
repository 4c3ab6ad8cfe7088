/**
 * The use cases. {@code port.in}: what the driving edge may ask (use-case interfaces and their commands,
 * queries and errors). {@code port.out}: what the use cases need from the world (stores, the password
 * hasher, the rate limiter, the identity provider), each with a contract test in this module's test-jar.
 * {@code service}: the use cases themselves, plain Java.
 */
package app.todo.application;

/**
 * The driving edge: Helidon SE routes and filters that translate HTTP into use-case calls and their
 * answers back into JSON and RFC 9457 problems ({@code problem}), the bearer-token check ({@code auth}),
 * the account and admin routes ({@code account}), metrics and the OpenAPI document. It calls use cases
 * only, never a driven port (ArchUnit: {@code THE_DRIVING_EDGE_ONLY_TRANSLATES}).
 */
package app.todo.adapter.in.http;

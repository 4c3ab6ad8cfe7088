package app.todo.domain.counterexample;

import java.sql.Connection;

/** Counterexample: a domain class that reaches for JDBC. */
public record JdbcTask(Connection connection) {
}

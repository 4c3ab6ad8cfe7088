package app.todo.adapter.in.http.counterexample;

import app.todo.bootstrap.Settings;

/** Counterexample: an adapter that reaches back into the wiring for its configuration. */
public record SettingsReader(Settings settings) {
}

package app.todo.application.counterexample;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Counterexample: an application class that serialises with Jackson. */
public record JsonTask(ObjectMapper json) {
}

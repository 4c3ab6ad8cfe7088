package app.todo.adapter.counterexample;

/** Breaks "adapters say which way they face": neither in nor out. */
public final class SidewaysAdapter {
}

package app.todo.application.service;

import app.todo.domain.task.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.todo.application.service.TaskServices.ALICE;
import static app.todo.application.service.TaskServices.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Concurrent toggles of one task must never lose one another: each one is a flip and a version. */
class ConcurrentCompletionTest {

    private static final int THREADS = 50;

    @Test
    void fiftyConcurrentTogglesAllLand() throws Exception {
        TaskServices s = new TaskServices();
        Task task = s.given(ALICE, "Contended");
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);

        List<Future<Task>> toggles = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int i = 0; i < THREADS; i++) {
                toggles.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return ok(s.completeAs(ALICE, task.id(), Optional.empty()));
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Task> toggle : toggles) {
                toggle.get();
            }
        }

        Task stored = s.stored(task).orElseThrow();
        assertEquals(THREADS % 2 == 1, stored.completed());
        assertEquals(1 + THREADS, stored.version());
        assertEquals(THREADS, toggles.stream().map(f -> f.resultNow().version()).distinct().count(),
                "every toggle saw its own version");
    }
}

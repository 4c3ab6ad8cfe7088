package app.todo.application.service;

import app.todo.application.port.in.DeleteTaskCommand;
import app.todo.application.port.in.DeleteTaskUseCase.Deleted;
import app.todo.application.port.in.TaskError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalLong;

import static app.todo.application.service.TaskServices.ALICE;
import static app.todo.application.service.TaskServices.own;
import static app.todo.application.service.TaskServices.err;
import static app.todo.application.service.TaskServices.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeleteTaskServiceTest {

    private final TaskServices s = new TaskServices();
    private final Task task = s.given(ALICE, "Buy milk");
    private final Task other = s.given(ALICE, "Keep me");

    @Test
    void removesTheTaskOnceAndOnlyThatTask() {
        assertEquals(Deleted.DELETED, ok(delete(OptionalLong.of(1))));
        assertEquals(Optional.empty(), s.stored(task));
        assertEquals(Optional.of(other), s.stored(other));

        assertEquals(new TaskError.TaskNotFound(task.id().value()),
                err(TaskError.TaskNotFound.class, delete(OptionalLong.empty())));
    }

    @Test
    void withoutAnExpectedVersionDeletesWhateverIsStored() {
        ok(s.completeAs(ALICE, task.id(), Optional.empty()));
        assertEquals(Deleted.DELETED, ok(delete(OptionalLong.empty())));
        assertEquals(Optional.empty(), s.stored(task));
    }

    private Result<Deleted, TaskError> delete(OptionalLong expectedVersion) {
        return s.delete.deleteTask(new DeleteTaskCommand(own(ALICE), task.id(), expectedVersion));
    }
}

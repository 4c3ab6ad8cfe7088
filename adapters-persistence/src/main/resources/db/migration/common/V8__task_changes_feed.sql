-- The changes feed (docs/rules.md §4). Every write of a user's tasks takes the next position of that user's
-- change sequence, kept on the user's row: taking it locks the row until the write commits, so positions are
-- handed out in commit order and a reader that has seen position n has seen every change up to n. A task carries
-- the position of its last change; a deleted task leaves a tombstone with the position of its deletion.
-- Rows written before this migration have position 0: a reader with no position yet (0) gets every current task,
-- so it still gets them.
ALTER TABLE users ADD COLUMN task_change_position BIGINT DEFAULT 0 NOT NULL;
-- Tombstones up to this position were dropped (older than the retention): a reader behind it must start over.
ALTER TABLE users ADD COLUMN task_tombstones_dropped_through BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE tasks ADD COLUMN change_position BIGINT DEFAULT 0 NOT NULL;

CREATE INDEX tasks_user_change_position_ix ON tasks (user_id, change_position);

CREATE TABLE task_tombstones (
    user_id         VARCHAR(255)             NOT NULL,
    change_position BIGINT                   NOT NULL,
    task_id         BIGINT                   NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT task_tombstones_pk PRIMARY KEY (user_id, change_position),
    CONSTRAINT task_tombstones_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The service's task insert: one row, id returned, for the writer users (bench-USERS..2*USERS-1).
\set u random(:users, 2 * :users - 1)
INSERT INTO tasks (user_id, title, description, completed, priority, due_date, created_at, updated_at,
                   completed_at, version)
VALUES ('bench-' || :u, 'Benchmark task', 'made by pgbench', false, 3, NULL, now(), now(), NULL, 1)
RETURNING id;

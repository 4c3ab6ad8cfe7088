-- What the service's create does, as PostgreSQL at its best would: one statement inserting a task and its
-- two tags, returning the id and timestamps (for the writer users bench-USERS..2*USERS-1).
\set u random(:users, 2 * :users - 1)
WITH t AS (
  INSERT INTO tasks (user_id, title, description, completed, priority, due_date, created_at, updated_at,
                     completed_at, version)
  VALUES ('bench-' || :u, 'Benchmark task', 'made by pgbench', false, 3, NULL, now(), now(), NULL, 1)
  RETURNING id, created_at, updated_at
), g AS (
  INSERT INTO task_tags (task_id, user_id, tag, tag_index)
  SELECT t.id, 'bench-' || :u, x.tag, (x.ord - 1)::smallint
  FROM t, unnest(ARRAY['bench', 'home']) WITH ORDINALITY AS x(tag, ord)
)
SELECT id, created_at, updated_at FROM t;

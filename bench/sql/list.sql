-- The service's list query for one user: 20 newest tasks with their tags and the filtered total, one round trip.
\set u random(0, :users - 1)
SELECT t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.due_date, t.created_at,
       t.updated_at, t.completed_at, t.version,
       (SELECT array_agg(g.tag ORDER BY g.tag_index) FROM task_tags g WHERE g.task_id = t.id) AS tags,
       count(*) OVER () AS total
FROM tasks t
WHERE t.user_id = 'bench-' || :u
ORDER BY t.created_at DESC, t.id DESC
LIMIT 20;

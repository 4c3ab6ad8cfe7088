-- Tasks written before the changes feed get a position of their own, their id (ids grow with time, and a user's
-- ids are distinct), and their owner's sequence goes on after the largest: a feed read in pages then pages
-- through them too, where one shared position 0 would let a page boundary fall among them.
UPDATE tasks SET change_position = id WHERE change_position = 0;
UPDATE users SET task_change_position = (SELECT MAX(t.id) FROM tasks t WHERE t.user_id = users.id)
 WHERE task_change_position < (SELECT COALESCE(MAX(t.id), 0) FROM tasks t WHERE t.user_id = users.id);

-- PostgreSQL only (H2 has no expression indexes): the title sort compares lower-cased titles
-- byte-wise (COLLATE "C"), the same order as the domain's comparator, whatever the database locale.
CREATE INDEX tasks_user_title_ix ON tasks (user_id, (lower(title) COLLATE "C"), id);

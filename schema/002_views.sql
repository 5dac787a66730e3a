-- SPDX-License-Identifier: GPL-3.0-or-later
-- What the interface needs without reading every milestone: each task's
-- next unreached and last due dates (its state then follows from status
-- and today alone), whether it counts as a task or only heads a group,
-- and a search key of its text without diacritics.

ALTER TABLE agency ADD COLUMN short_name TEXT;  -- "Sở NV" for narrow columns

ALTER TABLE task ADD COLUMN due_next TEXT;
ALTER TABLE task ADD COLUMN due_last TEXT;
ALTER TABLE task ADD COLUMN counted INTEGER NOT NULL DEFAULT 1
    CHECK (counted = 0 OR counted = 1);

UPDATE task SET
    due_last = (SELECT max(m.due_date) FROM milestone m WHERE m.task_id = task.id),
    due_next = (SELECT min(m.due_date) FROM milestone m
                WHERE m.task_id = task.id AND m.reached = 0);

UPDATE task SET counted = 0
WHERE result = '' AND deadline_text = '' AND assignment_text = ''
  AND EXISTS (SELECT 1 FROM task c WHERE c.parent_id = task.id);

-- Counting tasks by state per section reads this index alone.
CREATE INDEX task_states ON task (section_id, counted, status, due_next, due_last, completed_on);

-- Filled by cchc when this migration runs and at every import: folding
-- Vietnamese needs Unicode tables SQL does not have.
CREATE TABLE task_search (
    task_id INTEGER PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
    key     TEXT NOT NULL
);

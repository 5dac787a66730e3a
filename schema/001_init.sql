-- SPDX-License-Identifier: GPL-3.0-or-later
-- The plan, its sections and tasks, milestones, agencies and history.
-- CHECKs spell out OR chains: "x IN (list)" builds a temporary b-tree on
-- every row written, which dominated the cost of an import.

CREATE TABLE plan (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    year        INTEGER NOT NULL,
    decision    TEXT,
    imported_at TEXT NOT NULL
);

CREATE TABLE section (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code     TEXT NOT NULL,
    title    TEXT NOT NULL,
    UNIQUE (plan_id, code)
);

CREATE TABLE task (
    id              INTEGER PRIMARY KEY,
    section_id      INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
    parent_id       INTEGER REFERENCES task(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,   -- document order within the plan
    depth           INTEGER NOT NULL DEFAULT 0,
    ref             TEXT NOT NULL,
    number          TEXT NOT NULL,
    title           TEXT NOT NULL,
    result          TEXT NOT NULL DEFAULT '',
    deadline_text   TEXT NOT NULL DEFAULT '',
    assignment_text TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'not_started'
                    CHECK (status = 'not_started' OR status = 'in_progress'
                           OR status = 'done' OR status = 'cancelled'),
    completed_on    TEXT,
    progress        INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    note            TEXT NOT NULL DEFAULT '',
    evidence_number TEXT,
    evidence_date   TEXT,
    evidence_issuer TEXT,
    version         INTEGER NOT NULL DEFAULT 0,
    source_line     INTEGER
);
CREATE INDEX task_by_section ON task (section_id, seq);
CREATE INDEX task_by_ref ON task (ref);
CREATE INDEX task_by_parent ON task (parent_id);

-- Milestones and agency links are only ever reached through their task,
-- so they live in the task's key order without a separate rowid tree.
CREATE TABLE milestone (
    task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    label      TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind = 'date' OR kind = 'range'
                                    OR kind = 'ongoing' OR kind = 'external'),
    start_date TEXT,
    due_date   TEXT,
    reached    INTEGER NOT NULL DEFAULT 0 CHECK (reached = 0 OR reached = 1),
    PRIMARY KEY (task_id, position)
) WITHOUT ROWID;

CREATE TABLE agency (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    collective INTEGER NOT NULL DEFAULT 0 CHECK (collective = 0 OR collective = 1)
);

CREATE TABLE agency_alias (
    alias     TEXT NOT NULL PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE
);

CREATE TABLE task_agency (
    task_id   INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    role      TEXT NOT NULL CHECK (role = 'lead' OR role = 'coordinating'),
    position  INTEGER NOT NULL,
    PRIMARY KEY (task_id, role, agency_id)
) WITHOUT ROWID;
CREATE INDEX task_agency_by_agency ON task_agency (agency_id);

-- History outlives a re-import: a task that disappears keeps its rows,
-- with task_id cleared and the ref it had.
CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    task_id   INTEGER REFERENCES task(id) ON DELETE SET NULL,
    ref       TEXT NOT NULL,
    at        TEXT NOT NULL,
    who       TEXT NOT NULL,
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_by_task ON history (task_id, id);

-- Versions of a plan (its file replaced by an amended one). Progress rows are never changed: a task renumbered by an
-- amendment, or dropped by it, is followed through `task_moves`, which apply to the rows written up to `up_to_id`.
CREATE TABLE plan_revisions (
  plan       TEXT NOT NULL,
  revision   INTEGER NOT NULL CHECK (revision >= 2),
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (plan, revision)
);

CREATE TABLE task_moves (
  plan      TEXT NOT NULL,
  revision  INTEGER NOT NULL,
  from_task TEXT NOT NULL,
  to_task   TEXT NOT NULL,
  up_to_id  INTEGER NOT NULL
);
CREATE INDEX task_moves_plan ON task_moves (plan, revision);

CREATE TABLE retired_tasks (
  plan        TEXT NOT NULL,
  task        TEXT NOT NULL,
  revision    INTEGER NOT NULL,
  content     TEXT NOT NULL,
  history_key TEXT NOT NULL,
  retired_at  TIMESTAMPTZ NOT NULL
);

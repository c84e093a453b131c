-- Users, invites and the append-only progress history.
CREATE TABLE users (
  key        TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('officer', 'leader', 'admin')),
  plan       TEXT,
  unit       TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE invites (
  code       TEXT PRIMARY KEY,
  plan       TEXT,
  unit       TEXT,
  role       TEXT NOT NULL CHECK (role IN ('officer', 'leader', 'admin')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  used_by    TEXT REFERENCES users (key)
);

CREATE TABLE updates (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  plan       TEXT NOT NULL,
  task       TEXT NOT NULL,
  period     TEXT NOT NULL DEFAULT '',
  status     TEXT CHECK (status IN ('not_started', 'in_progress', 'done', 'blocked')),
  percent    INTEGER CHECK (percent BETWEEN 0 AND 100),
  note       TEXT NOT NULL DEFAULT '',
  user_key   TEXT NOT NULL REFERENCES users (key),
  user_name  TEXT NOT NULL,
  channel    TEXT NOT NULL,
  message_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  reverts    INTEGER REFERENCES updates (id)
);

CREATE UNIQUE INDEX updates_delivery ON updates (channel, message_id);
CREATE INDEX updates_task ON updates (plan, task, id);
CREATE INDEX updates_user ON updates (user_key, id);
CREATE INDEX updates_created ON updates (created_at);

-- History is append-only: rows are never changed or removed.
CREATE TRIGGER updates_no_update BEFORE UPDATE ON updates
BEGIN SELECT RAISE(ABORT, 'updates are append-only'); END;
CREATE TRIGGER updates_no_delete BEFORE DELETE ON updates
BEGIN SELECT RAISE(ABORT, 'updates are append-only'); END;

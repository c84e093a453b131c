-- Digest, reminders and reports: what was sent (exactly once), who chose to get the digest, the figures units report.
CREATE TABLE notifications (
  key        TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  recipient  TEXT NOT NULL,
  plan       TEXT NOT NULL,
  slot       TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
  owner      TEXT NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 1,
  late       INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  claimed_at TEXT NOT NULL,
  sent_at    TEXT,
  error      TEXT
);
CREATE INDEX notifications_sent ON notifications (kind, recipient, sent_at);

CREATE TABLE digest_subscriptions (
  user_key   TEXT PRIMARY KEY REFERENCES users (key),
  subscribed INTEGER NOT NULL CHECK (subscribed IN (0, 1)),
  updated_at TEXT NOT NULL
);

CREATE TABLE figures (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  plan        TEXT NOT NULL,
  unit        TEXT NOT NULL,
  metric      TEXT NOT NULL CHECK (metric IN ('conferences', 'documents', 'procedures')),
  year        INTEGER NOT NULL,
  field       TEXT NOT NULL CHECK (field IN ('total', 'online')),
  value       REAL NOT NULL CHECK (value >= 0),
  user_key    TEXT NOT NULL,
  reported_at TEXT NOT NULL
);
CREATE INDEX figures_plan ON figures (plan, metric, year);

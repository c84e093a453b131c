-- Updates received from a platform, kept before the platform counts them delivered, so an update whose handling
-- died with its process is handled after the restart. `seq` keeps the order they came in; the body is dropped once
-- the update is done (the id alone tells a redelivery apart). Rows go a day after they came (platforms resend for a
-- day at most), and only the latest rows are kept whatever the traffic.
CREATE TABLE inbox (
  seq         INTEGER PRIMARY KEY,
  channel     TEXT NOT NULL,
  update_id   TEXT NOT NULL,
  body        TEXT,
  received_at TEXT NOT NULL,
  replays     INTEGER NOT NULL DEFAULT 0,
  done_at     TEXT,
  UNIQUE (channel, update_id)
);
CREATE INDEX inbox_pending ON inbox (channel, seq) WHERE done_at IS NULL;
CREATE INDEX inbox_received ON inbox (received_at);

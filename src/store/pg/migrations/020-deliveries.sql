-- Incoming messages claimed for answering, so a message the platform delivers again is answered once.
-- Rows are pruned a week after their claim (platforms resend for a day at most).
CREATE TABLE deliveries (
  channel     TEXT NOT NULL,
  message_id  TEXT NOT NULL,
  owner       TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 1,
  claimed_at  TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  PRIMARY KEY (channel, message_id)
);
CREATE INDEX deliveries_claimed ON deliveries (claimed_at);

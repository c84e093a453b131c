-- One row per incoming update, from its arrival to its answer: the inbox row (kept before the platform counts it
-- delivered) is also the claim of the process answering it (owner, claimed_at: taken again after the lease when that
-- process died) and its end (done_at: answered, or failed for good). So a message costs one commit to claim and one
-- to finish, where the separate delivery log cost two more. A message that came without the inbox (the terminal
-- chat) gets a row without a body when claimed.
ALTER TABLE inbox ADD COLUMN owner TEXT;
ALTER TABLE inbox ADD COLUMN claimed_at TEXT;
ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
-- Finished deliveries were keyed by Telegram's message id; a redelivery of those is dropped by its done inbox row.
DROP TABLE deliveries;

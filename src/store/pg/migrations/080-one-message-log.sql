-- One row per incoming update, from its arrival to its answer: the inbox row is also the claim of the process
-- answering it (owner, claimed_at: taken again after the lease when that process died) and its end (done_at).
-- A message that came without the inbox (the terminal chat) gets a row without a body when claimed.
ALTER TABLE inbox ADD COLUMN owner TEXT;
ALTER TABLE inbox ADD COLUMN claimed_at TIMESTAMPTZ;
ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
DROP TABLE deliveries;

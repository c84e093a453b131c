-- Plan files uploaded on one instance, kept in the store that several instances share, each of which writes them into
-- its own plans folder. One row per file name; a removal leaves a tombstone (content and sha256 NULL) so that it
-- reaches the others too. `version` rises with every change, so an instance asks for what changed after the last it saw.
CREATE TABLE plan_files (
  name       TEXT PRIMARY KEY,
  content    BYTEA,
  sha256     TEXT,
  size       INTEGER NOT NULL,
  version    INTEGER NOT NULL UNIQUE,
  changed_at TIMESTAMPTZ NOT NULL,
  CHECK ((content IS NULL) = (sha256 IS NULL))
);

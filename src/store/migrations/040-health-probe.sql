-- One row rewritten by /healthz: a database that answers reads but cannot be written (disk full, read-only file)
-- is found by writing, not by `select 1`.
CREATE TABLE health_probe (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at TEXT NOT NULL
);

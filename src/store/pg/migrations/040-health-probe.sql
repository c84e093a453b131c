-- One row rewritten by /healthz: a database that answers reads but cannot be written is found by writing.
CREATE TABLE health_probe (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at TIMESTAMPTZ NOT NULL
);

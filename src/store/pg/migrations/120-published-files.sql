-- Files published by URL for a while (charts Zalo fetches), kept where every instance behind one address finds them;
-- expired ones are dropped when another is kept.
CREATE TABLE published_files (
  name       TEXT PRIMARY KEY,
  mime_type  TEXT NOT NULL,
  content    BYTEA NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX published_files_expiry ON published_files (expires_at);

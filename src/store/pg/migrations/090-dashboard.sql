-- The dashboard: one-time sign-in links (10 minutes, used once) and the sessions they open. Only the SHA-256 hash of
-- each secret is kept. A session ends when it expires, when its user signs out (ended_at) or is deactivated.
CREATE TABLE dashboard_links (
  hash       TEXT PRIMARY KEY,
  user_key   TEXT NOT NULL REFERENCES users (key),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at    TIMESTAMPTZ
);

CREATE TABLE dashboard_sessions (
  hash       TEXT PRIMARY KEY,
  user_key   TEXT NOT NULL REFERENCES users (key),
  origin     TEXT NOT NULL CHECK (origin IN ('link', 'mini_app')),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  ended_at   TIMESTAMPTZ
);

CREATE INDEX dashboard_sessions_user ON dashboard_sessions (user_key);

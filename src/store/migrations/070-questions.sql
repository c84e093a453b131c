-- Every question asked, for the admin to see what officials need: what it asked, its sources, whether it was answered.
-- The asker is kept only as a keyed hash (HMAC-SHA256 with a secret from the configuration); the text is kept.
CREATE TABLE questions (
  id         INTEGER PRIMARY KEY,
  asked_at   TEXT NOT NULL,
  channel    TEXT NOT NULL,
  user_hash  TEXT NOT NULL,
  text       TEXT NOT NULL,
  intent     TEXT NOT NULL,
  kind       TEXT NOT NULL,
  answered   INTEGER NOT NULL CHECK (answered IN (0, 1)),
  -- JSON array of {plan, task, section}
  citations  TEXT NOT NULL
);
CREATE INDEX questions_asked_at ON questions (asked_at);

-- 👍/👎 on an answer: one row per person per question, a change of mind rewrites it; goes with its question.
CREATE TABLE question_feedback (
  question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  user_hash   TEXT NOT NULL,
  vote        TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  voted_at    TEXT NOT NULL,
  PRIMARY KEY (question_id, user_hash)
);

-- Each chat's conversation memory (the chat core's JSON text), kept for follow-ups whichever instance they reach;
-- a memory not touched for a while is dropped when another is kept.
CREATE TABLE conversations (
  chat_id    TEXT PRIMARY KEY,
  memory     TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX conversations_updated ON conversations (updated_at);

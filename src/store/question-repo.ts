import { createHmac } from 'node:crypto';
import type {
  FeedbackOutcome,
  NewQuestion,
  QuestionCitation,
  QuestionFilter,
  QuestionLog,
  QuestionRecord,
  Vote,
} from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

/** Options of {@link createQuestionRepo}. */
export type QuestionRepoOptions = {
  /**
   * The key of the HMAC that hashes askers' ids (QUESTION_LOG_SECRET): without it, a list of every possible id does
   * not tell who asked. Kept out of the database.
   */
  secret: string;
};

/** A `questions` row with its votes, as either store reads it (ISO text and 0/1 in SQLite; a Date, a boolean in PostgreSQL). */
export type QuestionRow = {
  id: number;
  asked_at: string | Date;
  channel: string;
  user_hash: string;
  text: string;
  intent: string;
  kind: string;
  answered: number | boolean;
  citations: string;
  up: number;
  down: number;
};

const SELECT = `SELECT q.*,
    (SELECT COUNT(*) FROM question_feedback f WHERE f.question_id = q.id AND f.vote = 'up') AS up,
    (SELECT COUNT(*) FROM question_feedback f WHERE f.question_id = q.id AND f.vote = 'down') AS down
  FROM questions q
  WHERE q.asked_at >= @since AND (@unanswered = 0 OR q.answered = 0)
    AND (@disliked = 0 OR EXISTS (SELECT 1 FROM question_feedback f WHERE f.question_id = q.id AND f.vote = 'down'))
  ORDER BY q.asked_at DESC, q.id DESC
  LIMIT @limit`;

/** The keyed hash that stands for an asker (`secret`: QUESTION_LOG_SECRET), shared by both stores. */
export const hashAsker = (secret: string, userKey: string) =>
  createHmac('sha256', secret).update(userKey).digest('hex');

/** Whether a vote changed anything, given the one before (shared by both stores). */
export const voteOutcome = (before: Vote | undefined, vote: Vote): FeedbackOutcome =>
  before === vote ? 'unchanged' : before === undefined ? 'recorded' : 'changed';

/** Maps a `questions` row with its votes (of either store) to the domain record. */
export const recordOf = (row: QuestionRow): QuestionRecord => ({
  id: row.id,
  askedAt: new Date(row.asked_at),
  channel: row.channel,
  userHash: row.user_hash,
  text: row.text,
  intent: row.intent,
  kind: row.kind,
  answered: row.answered === 1 || row.answered === true,
  citations: JSON.parse(row.citations) as QuestionCitation[],
  up: row.up,
  down: row.down,
});

/** The question log (`satisfies QuestionLog`): askers kept as HMAC-SHA256 of their key, votes one per person per answer. */
export function createQuestionRepo(db: Db, options: QuestionRepoOptions) {
  const hash = (userKey: string) => hashAsker(options.secret, userKey);
  const insert = db.prepare(
    `INSERT INTO questions (asked_at, channel, user_hash, text, intent, kind, answered, citations)
     VALUES (@askedAt, @channel, @userHash, @text, @intent, @kind, @answered, @citations)`,
  );
  const exists = db.prepare<[number], { id: number }>('SELECT id FROM questions WHERE id = ?');
  const voteOf = db.prepare<[number, string], { vote: Vote }>(
    'SELECT vote FROM question_feedback WHERE question_id = ? AND user_hash = ?',
  );
  const upsert = db.prepare<[number, string, Vote, string]>(
    `INSERT INTO question_feedback (question_id, user_hash, vote, voted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
  );
  const select = db.prepare<Record<string, unknown>, QuestionRow>(SELECT);
  const remove = db.prepare<[string]>('DELETE FROM questions WHERE asked_at < ?');

  const rate = db.transaction((questionId: number, userKey: string, vote: Vote, at: Date): FeedbackOutcome => {
    if (!exists.get(questionId)) return 'unknown_question';
    const userHash = hash(userKey);
    const outcome = voteOutcome(voteOf.get(questionId, userHash)?.vote, vote);
    if (outcome !== 'unchanged') upsert.run(questionId, userHash, vote, at.toISOString());
    return outcome;
  });

  return promised<QuestionLog>({
    record: (q: NewQuestion) =>
      Number(
        insert.run({
          askedAt: q.askedAt.toISOString(),
          channel: q.channel,
          userHash: hash(q.userKey),
          text: q.text,
          intent: q.intent,
          kind: q.kind,
          answered: q.answered ? 1 : 0,
          citations: JSON.stringify(q.citations),
        }).lastInsertRowid,
      ),
    rate: (questionId: number, userKey: string, vote: Vote, at: Date) => rate.immediate(questionId, userKey, vote, at),
    list: (filter: QuestionFilter = {}) =>
      select
        .all({
          since: filter.since?.toISOString() ?? '',
          unanswered: filter.unanswered ? 1 : 0,
          disliked: filter.disliked ? 1 : 0,
          limit: filter.limit ?? -1,
        })
        .map(recordOf),
    purge: (before: Date) => remove.run(before.toISOString()).changes,
  });
}

import type pg from 'pg';
import type { NewQuestion, QuestionFilter, QuestionLog, Vote } from '../../tasks/index.js';
import { hashAsker, recordOf, voteOutcome, type QuestionRepoOptions, type QuestionRow } from '../question-repo.js';
import { inTransaction } from './pool.js';

const SELECT = `SELECT q.*,
    (SELECT COUNT(*)::int FROM question_feedback f WHERE f.question_id = q.id AND f.vote = 'up') AS up,
    (SELECT COUNT(*)::int FROM question_feedback f WHERE f.question_id = q.id AND f.vote = 'down') AS down
  FROM questions q
  WHERE ($1::timestamptz IS NULL OR q.asked_at >= $1) AND (NOT $2 OR NOT q.answered)
    AND (NOT $3 OR EXISTS (SELECT 1 FROM question_feedback f WHERE f.question_id = q.id AND f.vote = 'down'))
  ORDER BY q.asked_at DESC, q.id DESC
  LIMIT $4`;

/** The question log in PostgreSQL (`satisfies QuestionLog`): askers as keyed hashes, one vote per person. */
export function createPgQuestionRepo(pool: pg.Pool, options: QuestionRepoOptions) {
  const hash = (userKey: string) => hashAsker(options.secret, userKey);
  return {
    record: async (q: NewQuestion) => {
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO questions (asked_at, channel, user_hash, text, intent, kind, answered, citations)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [q.askedAt, q.channel, hash(q.userKey), q.text, q.intent, q.kind, q.answered, JSON.stringify(q.citations)],
      );
      return rows[0]!.id;
    },
    rate: (questionId: number, userKey: string, vote: Vote, at: Date) =>
      inTransaction(pool, async (c) => {
        // Locking the question keeps a purge from deleting it between the check and the vote.
        const found = await c.query('SELECT id FROM questions WHERE id = $1 FOR SHARE', [questionId]);
        if (found.rowCount === 0) return 'unknown_question' as const;
        const userHash = hash(userKey);
        const before = await c.query<{ vote: Vote }>(
          'SELECT vote FROM question_feedback WHERE question_id = $1 AND user_hash = $2 FOR UPDATE',
          [questionId, userHash],
        );
        const outcome = voteOutcome(before.rows[0]?.vote, vote);
        if (outcome !== 'unchanged') {
          await c.query(
            `INSERT INTO question_feedback (question_id, user_hash, vote, voted_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
            [questionId, userHash, vote, at],
          );
        }
        return outcome;
      }),
    list: async (filter: QuestionFilter = {}) => {
      const { rows } = await pool.query<QuestionRow>(SELECT, [
        filter.since ?? null,
        filter.unanswered ?? false,
        filter.disliked ?? false,
        filter.limit ?? null,
      ]);
      return rows.map(recordOf);
    },
    purge: async (before: Date) =>
      (await pool.query('DELETE FROM questions WHERE asked_at < $1', [before])).rowCount ?? 0,
  } satisfies QuestionLog;
}

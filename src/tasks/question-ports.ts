/**
 * The question log: every question asked is kept with what it asked, its sources and whether it was answered, so an
 * admin finds what officials need that the plans or the assistant do not give; people rate answers 👍/👎.
 * Declared here, implemented in `store/` (`satisfies QuestionLog`), where the asker's key is hashed with a secret.
 */

/** A source an answer cited: the plan id, and the task number or the section path. */
export type QuestionCitation = { plan: string; task: string | null; section: string | null };

/** One question as asked. `userKey` (`tg:42`) is never stored: the store keeps a keyed hash of it. */
export type NewQuestion = {
  askedAt: Date;
  channel: string;
  userKey: string;
  text: string;
  /** What the question was read as asking (`lead`, `count`, ... or `out_of_scope`). */
  intent: string;
  /** What kind of answer it got (`task_field`, `passages`, `out_of_scope`, ...). */
  kind: string;
  answered: boolean;
  citations: QuestionCitation[];
};

/** 👍 (the answer helped) or 👎 (it was not right). */
export type Vote = 'up' | 'down';

/** A logged question with the votes on its answer. */
export type QuestionRecord = Omit<NewQuestion, 'userKey'> & {
  id: number;
  /** The keyed hash of the asker (the same person hashes alike while the secret stays the same). */
  userHash: string;
  up: number;
  down: number;
};

/** What rating an answer did: a first vote, a changed one, the same again, or no such question (purged, forged). */
export type FeedbackOutcome = 'recorded' | 'changed' | 'unchanged' | 'unknown_question';

/** Which logged questions to list. */
export type QuestionFilter = {
  /** Asked at or after this time. */
  since?: Date;
  /** Only those not answered. */
  unanswered?: boolean;
  /** Only those whose answer got at least one 👎. */
  disliked?: boolean;
  /** At most this many, newest first; default all. */
  limit?: number;
};

export type QuestionLog = {
  /** Keeps a question; returns its id, which its answer's feedback names. */
  record(question: NewQuestion): Promise<number>;
  /** One vote per person per answer: a second vote replaces the first. */
  rate(questionId: number, userKey: string, vote: Vote, at: Date): Promise<FeedbackOutcome>;
  /** The questions matching `filter`, newest first. */
  list(filter?: QuestionFilter): Promise<QuestionRecord[]>;
  /** Removes the questions asked before `before` with their votes; returns how many. */
  purge(before: Date): Promise<number>;
};

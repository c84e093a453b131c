/**
 * The three logs that make messaging exactly-once, together: platforms deliver an update again and processes die
 * mid-answer, so each message is kept, claimed and finished in the store.
 * - `UpdateInbox`: every update received is kept before the platform counts it delivered, until it is handled
 *   (an update a killed process held is handled after the restart).
 * - `DeliveryLog`: each incoming message (channel, id: the inbox's update id) is answered once, however often it is
 *   delivered.
 * - `NotificationLog`: each message the scheduler owes a person (a digest, a reminder) goes out once.
 * Declared here, implemented in `store/` (`satisfies`). The inbox and the delivery log share one table: one row per
 * update, kept when it comes, claimed when answered, done once answered.
 */

/**
 * What claiming an incoming message found: `new` (answer it now), `duplicate` (already answered, or in flight in
 * this process: drop it), `busy` (another process claimed it within the lease: it may still answer, or it may have
 * died; ask again later, and once the lease has passed the claim is `new`).
 */
export type DeliveryClaim = 'new' | 'duplicate' | 'busy';

/**
 * The log that makes each incoming message answered once although platforms deliver it again (a webhook retried, a
 * polled batch handed out again after a crash). `id` is the platform's id of the delivery, as the inbox keeps it
 * (Telegram's update_id, Zalo's message_id).
 */
export type DeliveryLog = {
  /**
   * Claims the message for `owner` (one id per process, `host:pid:random id`), atomically across processes sharing the
   * database; another owner's claim is taken after the lease, or at once when that owner is a process of this host
   * that is gone.
   */
  claim(channel: string, id: string, owner: string, now: Date): Promise<DeliveryClaim>;
  /** Records that the answer went out (one commit, which also ends the update in the inbox): later claims are `duplicate`. */
  finish(channel: string, id: string, now: Date): Promise<void>;
};

/** One update as a platform sent it: its id there (Telegram's update_id, Zalo's message_id) and its body. */
export type InboxUpdate = { id: string; body: unknown };

/**
 * The updates received from a platform, kept before the platform counts them delivered (Telegram confirms a polled
 * batch at the next poll, Zalo forgets an update once returned, a webhook call ends with the HTTP answer), so an
 * update whose handling died with its process is handled after the restart.
 */
export type UpdateInbox = {
  /**
   * Keeps the updates not kept before, in one transaction, and returns those not done yet (new, or kept before and
   * still pending), in the order given: an update done already is not handled again.
   */
  keep(channel: string, updates: InboxUpdate[], now: Date): Promise<InboxUpdate[]>;
  /** Records that the update was handled: it is no longer pending, and keeping it again returns nothing. */
  done(channel: string, id: string, now: Date): Promise<void>;
  /**
   * The updates kept and not done, oldest first, to hand to the bot at start; with `receivedBefore`, only those kept
   * before then (what another instance sharing the store kept long ago and never finished). Each is handed out a few
   * times at most, so an update whose handling kills the process does not kill every restart.
   */
  pending(channel: string, receivedBefore?: Date): Promise<InboxUpdate[]>;
};

/** One message the scheduler owes a person, named once and for all by `key`. */
export type Notification = {
  /** `kind|recipient|plan|slot`: the same key is never delivered twice. */
  key: string;
  kind: string;
  recipient: string;
  plan: string;
  slot: string;
  /** Sent later than meant (caught up after a stop). */
  late: boolean;
};

/** The log that makes every digest and reminder go out exactly once, across restarts and instances. */
export type NotificationLog = {
  /**
   * Claims a notification for sending, atomically: true when this caller should send it now (never seen, or a
   * claim older than `leaseMs` that never finished, or a failure with attempts left); false otherwise.
   */
  claim(n: Notification, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  markSent(key: string, now: Date): Promise<void>;
  markFailed(key: string, error: string): Promise<void>;
  /** When the last notification of a kind went to a recipient, or null. */
  lastSent(kind: string, recipient: string): Promise<Date | null>;
};

/**
 * Every Vietnamese string a person reads. One file per area, each owned by the feature that renders it:
 * - vi-answers.ts: replies to questions (search/answer)
 * - vi-progress.ts: registration, updates, progress reading
 * - vi-commands.ts: every chat command (its word, its `/trogiup` entry, its menu description)
 * - vi-bot.ts: channel chrome (errors, flood control)
 * - vi-digest.ts: digest, reminders, reports
 * - vi-units.ts: member units of groups, tasks tracked per member
 * - vi-feedback.ts: the 👍/👎 on answers and the admins' weekly list of questions
 */
export {};
export * from './vi-zalo.js';
export * from './vi-digest.js';
export * from './vi-progress.js';
export * from './vi-commands.js';
export * from './vi-bot.js';
export * from './vi-answers.js';
export * from './vi-plans.js';
export * from './vi-reply.js';
export * from './vi-units.js';
export * from './vi-feedback.js';
export * from './vi-dashboard.js';

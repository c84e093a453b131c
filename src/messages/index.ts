/**
 * Every Vietnamese string a person reads. One file per area, each owned by the feature that renders it:
 * - vi-answers.ts: replies to questions (search/answer)
 * - vi-progress.ts: registration, updates, progress reading
 * - vi-bot.ts: channel chrome (help, command menu, errors, flood control)
 * - vi-digest.ts: digest, reminders, reports
 */
export {};
export * from './vi-zalo.js';
export * from './vi-digest.js';
export * from './vi-progress.js';
export * from './vi-bot.js';
export * from './vi-answers.js';
export * from './vi-plans.js';
export * from './vi-reply.js';

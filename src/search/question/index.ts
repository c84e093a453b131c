/**
 * Question reading: a question's folded words read by rules into what it asks (`Intent`), which plans (a locality in
 * any spelling, a plan number), which tasks (their numbers), which days ("quý này") and the topic words left.
 */
export { readQuestion, type MetaField, type Question, type ReportKind } from './question.js';
export type { Intent } from './intent.js';
export { buildLocalityIndex, type LocalityIndex } from './localities.js';
export { isTaskNumbered, numberedInGroups } from './task-number.js';
export { inRange, type QuestionRange } from './period.js';
export { buildListNameIndex, listNameKey, type ListNameIndex } from './named-list.js';

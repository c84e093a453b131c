/**
 * Answers: a question read by the rules, answered from the plans and the passages retrieval finds, as data with its
 * sources (`Answer`), rendered into Vietnamese by `messages`.
 */
export { answer, type AnswerOptions } from './answer.js';
export { buildIndexData, loadIndexData, type IndexData } from './index-data.js';
export type * from './types.js';

/**
 * Retrieval: the plans' passages indexed in MiniSearch (diacritic-insensitive, abbreviations both ways, syllable
 * pairs, light typo tolerance) and the passages found relevant to a question's topic words.
 */
export { documentsOf, type DocKind, type SearchDoc } from './documents.js';
export { buildEngine, searchEngine, type Engine, type Hit } from './engine.js';
export { bestPerPlan, searchRelevant, type RelevantScope } from './relevance.js';
export { termsOf } from './terms.js';
export { engineFromJSON, engineToJSON, type EngineJSON } from './engine-json.js';

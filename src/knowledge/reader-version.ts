/**
 * The version of the plan reader (`parsePlan` and everything it calls, and the extractors of `ingest`). Plans read
 * by an older version are never served from the start-up cache: bump it in any change that can change what a plan
 * file reads as (a new field, a parsing rule, an extractor fix), or a restart keeps serving the old reading.
 */
export const READER_VERSION = 4;

/**
 * What an extractor makes of one file: the plan as text in the form the plan reader parses (paragraphs one per line,
 * table rows as tab-separated cells), with notes on how it was read; or why it could not be read.
 */
export type Extraction = { ok: true; text: string; notes: string[] } | { ok: false; problem: string };

/** Reads one file of a format into plan text. */
export type Extractor = (path: string) => Promise<Extraction>;

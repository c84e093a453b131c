import type { WarningAbout } from '../knowledge/index.js';

/**
 * What an extractor makes of one file: the plan as text in the form the plan reader parses (paragraphs one per line,
 * table rows as tab-separated cells), with notes on how it was read; or why it could not be read.
 */
export type Extraction = { ok: true; text: string; notes: WarningAbout[] } | { ok: false; problem: WarningAbout };

/** How extraction may go about it. */
export type ExtractOptions = {
  /** Read a scanned PDF by OCR where tesseract with Vietnamese is installed (default true). */
  ocr?: boolean;
};

/** Reads one file of a format into plan text. */
export type Extractor = (path: string, options: ExtractOptions) => Promise<Extraction>;

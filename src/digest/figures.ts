import { foldCase } from '../text/index.js';
import { FIELD_WORDS, METRIC_WORDS } from './figures-lexicon.js';
import type { Figure, Metric } from '../tasks/index.js';

/** One number a unit reports: conferences of 2026, field online = 26. */
export type FigureInput = { metric: Metric; year: number; field: 'total' | 'online'; value: number };

export type FiguresError =
  | { code: 'figures_empty' }
  | { code: 'figures_unknown_metric'; word: string }
  | { code: 'figures_missing_year' }
  | { code: 'figures_bad_value'; token: string }
  | { code: 'figures_bad_year'; year: number; first: number; last: number }
  | { code: 'figures_online_over_total'; year: number; online: number; total: number };

/** The first year figures can be reported for (the plans implement a 2025 conclusion; earlier years are typos). */
const FIRST_FIGURES_YEAR = 2000;

export type FiguresParse = { ok: true; value: FigureInput[] } | { ok: false; error: FiguresError };

const fold = (s: string) => foldCase(s).replace(/[^a-z0-9]/g, '');
/** The lexicon's entry for a typed word; own keys only, so "constructor" is no metric. */
const wordIn = <T>(lexicon: Record<string, T>, word: string): T | undefined =>
  Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;

/**
 * Reads the arguments of `/solieu`: `parseFigures("hoinghi 2026 tong=40 tructuyen=26", 2026)` gives two numbers for
 * 2026; `parseFigures("vanban 2026 45 2025 60", 2026)` gives the document totals of two years (a bare number is the
 * total). Figures are results, so a year after `thisYear` (or before 2000) is refused, and so is an online count
 * above the total given with it.
 */
export function parseFigures(args: string, thisYear: number): FiguresParse {
  const [first, ...rest] = args.trim().split(/\s+/).filter(Boolean);
  if (!first) return { ok: false, error: { code: 'figures_empty' } };
  const metric = wordIn(METRIC_WORDS, fold(first));
  if (!metric) return { ok: false, error: { code: 'figures_unknown_metric', word: first } };
  const out: FigureInput[] = [];
  let year: number | null = null;
  let afterYear = false;
  for (const token of rest) {
    // A year-like number right after a year is that year's value ("vanban 2026 2100" is rare but legal).
    if (/^(19|20)\d\d$/.test(token) && !afterYear) {
      year = Number(token);
      if (year < FIRST_FIGURES_YEAR || year > thisYear)
        return { ok: false, error: { code: 'figures_bad_year', year, first: FIRST_FIGURES_YEAR, last: thisYear } };
      afterYear = true;
      continue;
    }
    afterYear = false;
    const [key, raw] = token.includes('=') ? (token.split('=', 2) as [string, string]) : ['tong', token];
    const field = wordIn(FIELD_WORDS, fold(key));
    const value = Number(raw.replace(',', '.'));
    if (!field || !/^\d+([.,]\d+)?$/.test(raw) || !Number.isFinite(value))
      return { ok: false, error: { code: 'figures_bad_value', token } };
    if (year === null) return { ok: false, error: { code: 'figures_missing_year' } };
    out.push({ metric, year, field, value });
  }
  if (out.length === 0)
    return { ok: false, error: year === null ? { code: 'figures_missing_year' } : { code: 'figures_empty' } };
  const overTotal = onlineOverTotal(out);
  return overTotal ? { ok: false, error: overTotal } : { ok: true, value: out };
}

/** An online count larger than the total given in the same message for its year: 26 online of 10 meetings. */
function onlineOverTotal(inputs: FigureInput[]): FiguresError | null {
  const last = (year: number, field: FigureInput['field']) =>
    inputs.findLast((f) => f.year === year && f.field === field)?.value;
  for (const { year } of inputs) {
    const [online, total] = [last(year, 'online'), last(year, 'total')];
    if (online !== undefined && total !== undefined && online > total)
      return { code: 'figures_online_over_total', year, online, total };
  }
  return null;
}

/** Plan-wide value of one field: each unit's latest report, summed over units. */
export function figureValue(figures: Figure[], metric: Metric, year: number, field: string): number | null {
  const latest = new Map<string, Figure>();
  for (const f of figures) {
    if (f.metric !== metric || f.year !== year || f.field !== field) continue;
    const seen = latest.get(f.unit);
    if (!seen || seen.reportedAt <= f.reportedAt) latest.set(f.unit, f);
  }
  if (latest.size === 0) return null;
  return [...latest.values()].reduce((sum, f) => sum + f.value, 0);
}

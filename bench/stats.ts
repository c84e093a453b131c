/** Small figures helpers shared by the benchmarks. */

/** The value at percentile `p` (0-100) of an ascending list; 0 for an empty list. */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Rounded to two decimals. */
export const round = (value: number): number => Math.round(value * 100) / 100;

/** Bytes as megabytes with one decimal. */
export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

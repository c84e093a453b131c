import type { IsoDay } from '../knowledge/index.js';

/** The day `n` days after `day` (negative goes back). */
export function addDays(day: IsoDay, n: number): IsoDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

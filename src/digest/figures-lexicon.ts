import type { Metric } from '../tasks/index.js';

/** Words (folded: no diacritics, no spaces) a unit types after /solieu to name a metric. Data, not code. */
export const METRIC_WORDS: Record<string, Metric> = {
  hoinghi: 'conferences',
  cuochop: 'conferences',
  hop: 'conferences',
  vanban: 'documents',
  thutuc: 'procedures',
  tthc: 'procedures',
  hoso: 'procedures',
};

/** Field names in `tong=40 tructuyen=26`: `total` is every item, `online` those done online / electronically. */
export const FIELD_WORDS: Record<string, 'total' | 'online'> = {
  tong: 'total',
  tongso: 'total',
  tructuyen: 'online',
  online: 'online',
  dientu: 'online',
  so: 'online',
};

import { formatTime } from '../../messages/index.js';
import type { QuestionCitation, QuestionRecord } from '../../tasks/index.js';
import { parseOptions } from '../options.js';
import { dataSourceOf, withRepositories } from '../with-store.js';

export const summary =
  'questions officials asked  [--unanswered] [--disliked] [--since 7d|24h|YYYY-MM-DD] [--limit N] [--json]  [--db FILE]';

const USAGE =
  'usage: npm run cli -- questions [--unanswered] [--disliked] [--since 7d|24h|YYYY-MM-DD] [--limit N] [--json] [--db FILE]';
const OPTIONS = {
  unanswered: { type: 'boolean', default: false },
  disliked: { type: 'boolean', default: false },
  since: { type: 'string' },
  limit: { type: 'string', default: '200' },
  json: { type: 'boolean', default: false },
  db: { type: 'string' },
} as const;

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** `7d`, `24h`, `2w` before `now`, or a day `2026-06-01` (from its start, UTC); null for anything else. */
export function parseSince(text: string, now: Date): Date | null {
  const relative = /^(\d{1,4})([hdw])$/.exec(text);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text ? null : day;
}

const sourceOf = (c: QuestionCitation) => `${c.plan}${c.task ? `#${c.task}` : c.section ? ` ${c.section}` : ''}`;

const COLUMNS = ['asked', 'channel', 'intent', 'answered', '👍', '👎', 'sources', 'question'] as const;

const cellsOf = (q: QuestionRecord): string[] => [
  formatTime(q.askedAt),
  q.channel,
  q.intent === q.kind ? q.intent : `${q.intent}/${q.kind}`,
  q.answered ? 'yes' : 'no',
  String(q.up),
  String(q.down),
  q.citations.map(sourceOf).join(', ') || '-',
  q.text.replace(/\s+/g, ' '),
];

/** The rows as a table with aligned columns (the question last, unpadded). */
export function questionTable(rows: readonly QuestionRecord[]): string[] {
  const lines = [[...COLUMNS], ...rows.map(cellsOf)];
  const widths = COLUMNS.map((_, i) => Math.max(...lines.map((cells) => [...cells[i]!].length)));
  return lines.map((cells) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '),
  );
}

/** What is wrong with the options, or null. */
function optionProblem(v: { since?: string; limit: string }, now: Date): string | null {
  if (v.since !== undefined && !parseSince(v.since, now))
    return `--since must be like 7d, 24h, 2w or 2026-06-01, got '${v.since}'`;
  if (!/^[1-9]\d{0,5}$/.test(v.limit)) return `--limit must be a whole number from 1, got '${v.limit}'`;
  return null;
}

/** `questions [--unanswered] [--disliked] [--since 7d] [--json]`: the questions logged, newest first, with their votes. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('questions', USAGE, { args, options: OPTIONS });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const now = new Date();
  const problem = optionProblem(values, now);
  if (problem) {
    console.error(`questions: ${problem}\n${USAGE}`);
    return 1;
  }
  const since = values.since !== undefined ? parseSince(values.since, now)! : undefined;
  return withRepositories(
    'questions',
    dataSourceOf(values.db),
    async (store) => {
      const rows = await store.questions.list({
        ...(since ? { since } : {}),
        unanswered: values.unanswered,
        disliked: values.disliked,
        limit: Number(values.limit),
      });
      if (values.json) {
        console.log(JSON.stringify(rows, null, 2));
        return 0;
      }
      if (rows.length === 0) {
        console.log('no questions match');
        return 0;
      }
      for (const line of questionTable(rows)) console.log(line);
      return 0;
    },
    { mustExist: true },
  );
}

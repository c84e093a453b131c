/**
 * `npm run bench:formats`: reading time per plan file for each format (text, .docx, a 10-page and a 50-page PDF,
 * an .xlsx appendix with its plan) and the peak memory (max RSS) of a process that reads it. Each file is read in a
 * child process of its own so peaks do not mix. Prints JSON; a benchmark, not a test.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readPlanFile } from '../src/ingest/index.js';
import { percentile, round } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CASES: Array<{ format: string; file: string; appendices?: string[] }> = [
  { format: 'md', file: 'knowledge/nhi-chieu.md' },
  { format: 'docx', file: 'test/ingest/fixtures/docx/nhi-chieu.docx' },
  {
    format: 'xlsx appendix (with its .docx)',
    file: 'test/ingest/fixtures/xlsx/nhi-chieu.docx',
    appendices: ['test/ingest/fixtures/xlsx/phu-luc-kh-158.xlsx'],
  },
  { format: 'pdf, 10 pages', file: 'bench/fixtures/plan-10p.pdf' },
  { format: 'pdf, 50 pages', file: 'bench/fixtures/plan-50p.pdf' },
];
/** The ceiling for reading a 50-page PDF. */
const MAX_RSS_MB = 300;

async function measure(index: number): Promise<void> {
  const c = CASES[index]!;
  const times: number[] = [];
  let tasks = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const { plan } = await readPlanFile(c.file, { appendices: c.appendices ?? [] });
    times.push(performance.now() - start);
    tasks = plan?.tasks.length ?? 0;
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      format: c.format,
      file: c.file,
      tasks,
      firstMs: round(times[0]!),
      medianMs: round(
        percentile(
          [...times].sort((a, b) => a - b),
          50,
        ),
      ),
      maxRssMb: round(maxRssMb),
    }),
  );
}

const child = process.argv[2];
if (child !== undefined) await measure(Number(child));
else {
  const results = CASES.map((_, i) =>
    JSON.parse(
      execFileSync('npx', ['tsx', 'bench/formats.ts', String(i)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .at(-1)!,
    ),
  );
  const fifty = results.at(-1) as { maxRssMb: number };
  console.log(
    JSON.stringify(
      { runs: RUNS, results, pdf50UnderMaxRss: fifty.maxRssMb <= MAX_RSS_MB, maxRssCeilingMb: MAX_RSS_MB },
      null,
      2,
    ),
  );
}

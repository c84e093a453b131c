/**
 * `npm run bench:formats`: reading time per plan file for each format (text, .docx, a 10-page and a 50-page PDF,
 * an .xlsx appendix with its plan) and the peak memory (max RSS) of a process that reads it, and of the child process
 * a PDF is read in (`src/ingest/pdf-file.ts`). Each file is read in a process of its own so peaks do not mix. Prints
 * JSON; a benchmark, not a test. Linux: a child's peak is its VmHWM in /proc, polled while it runs.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/** The highest peak RSS (VmHWM, MB) among this process's children now running. */
function childrenPeakMb(): number {
  const tasks = `/proc/${process.pid}/task`;
  const pids = readdirSync(tasks).flatMap((t) =>
    readFileSync(`${tasks}/${t}/children`, 'utf8').split(' ').filter(Boolean),
  );
  const peaks = pids.map((pid) => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0; // ended meanwhile
    }
  });
  return Math.max(0, ...peaks);
}

async function measure(index: number): Promise<void> {
  const c = CASES[index]!;
  let childMaxRssMb = 0;
  const poll = setInterval(() => (childMaxRssMb = Math.max(childMaxRssMb, childrenPeakMb())), 5);
  const times: number[] = [];
  let tasks = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const { plan } = await readPlanFile(c.file, { appendices: c.appendices ?? [] });
    times.push(performance.now() - start);
    tasks = plan?.tasks.length ?? 0;
  }
  clearInterval(poll);
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
      readerChildMaxRssMb: round(childMaxRssMb),
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
  const fifty = results.at(-1) as { maxRssMb: number; readerChildMaxRssMb: number };
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        results,
        pdf50UnderMaxRss: Math.max(fifty.maxRssMb, fifty.readerChildMaxRssMb) <= MAX_RSS_MB,
        maxRssCeilingMb: MAX_RSS_MB,
      },
      null,
      2,
    ),
  );
}

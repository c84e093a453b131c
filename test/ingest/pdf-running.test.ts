import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';
import { runningLines } from '../../src/ingest/pdf-running.js';
import type { Line } from '../../src/ingest/pdf-page.js';

const line = (text: string, y: number): Line => ({ text, x: 100, y, right: 300, size: 13 });
const page = (...lines: Line[]) => ({ height: 842, lines });

describe('runningLines', () => {
  it('finds a line repeated in the margin at the same place on most pages, numbers aside, and page numbers', () => {
    const header = [1, 2, 3].map((n) => line(`UBND xã Đại Sơn - Kế hoạch số 12/KH-UBND`, 40 + (n % 2)));
    const footer = [1, 2, 3].map((n) => line(`Trang ${n}/3`, 810));
    const pages = [0, 1, 2].map((i) => page(header[i]!, line(`nội dung trang ${i}`, 400), footer[i]!));
    expect(runningLines(pages)).toEqual(new Set([...header, ...footer]));
  });

  it('keeps a line of the margin found on fewer than half the pages, or elsewhere on them', () => {
    const title = line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 60);
    const moved = [line('Ghi chú', 50), line('Ghi chú', 90)];
    const pages = [page(title, moved[0]!), page(line('- 2 -', 30), moved[1]!), page(line('văn bản', 400))];
    expect([...runningLines(pages)].map((l) => l.text)).toEqual(['- 2 -']);
  });
});

const essence = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (k, v: unknown) => (['file', 'line', 'lines'].includes(k) ? undefined : v)));

// Read once for the file, as formats.test.ts does: five PDFs take longer than one test may.
const [running, plain] = await Promise.all(
  ['test/ingest/fixtures/running-pdf', 'test/ingest/fixtures/pdf'].map((dir) => loadKnowledge(dir)),
);

describe('a PDF whose pages repeat a header and a page number', () => {
  it('reads as the same plan without them', () => {
    expect(running!.warnings).toEqual([]);
    for (const plan of running!.plans) {
      const text = JSON.stringify(plan);
      expect(text).not.toMatch(/Trang \d+\/\d+/);
      expect(text).not.toContain(' …');
      expect(essence(plan)).toEqual(essence(plain!.plans.find((p) => p.id === plan.id)));
    }
  });
});

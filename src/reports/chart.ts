import { cutAtWord } from '../text/index.js';
import { BUCKETS, type Bucket, type UnitCounts } from '../digest/index.js';

/** Words drawn on the chart (from messages/); `more(n)` names the units left off a long chart. */
export type ChartLabels = { title: string; buckets: Record<Bucket, string>; more: (n: number) => string };

/** Bars drawn at most: a province's 99 communes would not read on a phone; the rows come push-first. */
const MAX_BARS = 30;

const COLORS: Record<Bucket, string> = {
  done: '#2e7d32',
  in_progress: '#1565c0',
  overdue: '#c62828',
  no_report: '#9e9e9e',
};
const WIDTH = 800;
const LABEL_W = 260;
const BAR_H = 26;
const GAP = 10;
const TOP = 50;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function bar(row: UnitCounts, y: number, scale: number): string {
  let x = LABEL_W;
  const parts = [
    `<text x="${LABEL_W - 8}" y="${y + 18}" text-anchor="end" font-size="13">${escapeXml(cutAtWord(row.unit, 34))}</text>`,
  ];
  for (const b of BUCKETS) {
    const w = row.counts[b] * scale;
    if (w === 0) continue;
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${BAR_H}" fill="${COLORS[b]}"/>`);
    parts.push(
      `<text x="${x + w / 2}" y="${y + 18}" text-anchor="middle" font-size="12" fill="#fff">${row.counts[b]}</text>`,
    );
    x += w;
  }
  return parts.join('');
}

function legend(labels: ChartLabels, y: number): string {
  return BUCKETS.map((b, i) => {
    const x = 20 + i * 190;
    return `<rect x="${x}" y="${y}" width="14" height="14" fill="${COLORS[b]}"/><text x="${x + 20}" y="${y + 12}" font-size="13">${escapeXml(labels.buckets[b])}</text>`;
  }).join('');
}

/** The progress chart as SVG: one stacked bar per unit (done / in progress / overdue / no report), at most 30. */
export function chartSvg(all: UnitCounts[], labels: ChartLabels): string {
  const rows = all.slice(0, MAX_BARS);
  const left = all.length - rows.length;
  const most = Math.max(1, ...rows.map((r) => BUCKETS.reduce((s, b) => s + r.counts[b], 0)));
  const scale = (WIDTH - LABEL_W - 30) / most;
  const extra = left > 0 ? BAR_H : 0;
  const height = TOP + rows.length * (BAR_H + GAP) + extra + 40;
  const bars = rows.map((r, i) => bar(r, TOP + i * (BAR_H + GAP), scale)).join('');
  const more =
    left > 0
      ? `<text x="${LABEL_W - 8}" y="${TOP + rows.length * (BAR_H + GAP) + 16}" text-anchor="end" font-size="13">${escapeXml(labels.more(left))}</text>`
      : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="20" y="30" font-size="18" font-weight="bold">${escapeXml(labels.title)}</text>`,
    bars,
    more,
    legend(labels, height - 28),
    '</svg>',
  ].join('');
}
/** PNGs of the last charts drawn, by their SVG: drawing one costs 50-200 ms of CPU (resvg loads the fonts each time). */
const RECENT_CHARTS = 8;
const recent = new Map<string, Promise<Buffer>>();

/**
 * Renders an SVG to PNG with resvg (no browser), using the system fonts; resvg is loaded on first use. The last 8
 * charts are kept: `/digest` asked again before anything moved, or one plan's digest to many people, draws once. The
 * Buffer may be shared between callers: do not change it.
 */
export function svgToPng(svg: string): Promise<Buffer> {
  let png = recent.get(svg);
  if (png) recent.delete(svg);
  else png = render(svg);
  recent.set(svg, png);
  if (recent.size > RECENT_CHARTS) recent.delete(recent.keys().next().value!);
  png.catch(() => recent.delete(svg));
  return png;
}

async function render(svg: string): Promise<Buffer> {
  // resvg's loader asks process.report.getReport() whether libc is musl. A report's network part resolves the name of
  // every open socket's address, one by one, on the event loop: in a busy server with no DNS answer for them, the
  // first chart (a digest round) stopped a process for 5-10 s. The assistant takes no diagnostic reports otherwise.
  // (Node 20.20 has the setting; @types/node 20 does not name it.)
  (process.report as NodeJS.ProcessReport & { excludeNetwork: boolean }).excludeNetwork = true;
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}

import { cutAtWord } from '../text/index.js';
import { BUCKETS, bucketOf, type Bucket } from '../digest/index.js';
import type { TaskState } from '../tasks/index.js';

/** One bar of the chart: a unit and its tasks per bucket. */
export type UnitCounts = { unit: string; counts: Record<Bucket, number> };

/** Words drawn on the chart (from messages/). */
export type ChartLabels = { title: string; buckets: Record<Bucket, string> };

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

const leadsOf = (s: TaskState): string[] =>
  s.task.lead.length > 0 ? s.task.lead.map((a) => a.name) : [s.task.leadRaw || '?'];

/** The parts a group names, folded ("Các phòng, cơ quan, đơn vị" → phòng, cơ quan, đơn vị); null for one unit. */
const groupParts = (name: string): Set<string> | null =>
  /^các\s/iu.test(name)
    ? new Set(
        name
          .replace(/^các\s+/iu, '')
          .split(/\s*(?:,|\svà\s)\s*/u)
          .map((p) => p.trim().toLowerCase())
          .filter(Boolean),
      )
    : null;

/**
 * One name per group however a plan spells it: a group whose parts all belong to a wider group of the same plan
 * ("Các phòng, đơn vị" within "Các phòng, cơ quan, đơn vị") is counted under the wider one.
 */
function groupNames(names: Iterable<string>): (name: string) => string {
  const groups = [...new Set(names)].flatMap((n) => {
    const parts = groupParts(n);
    return parts ? [{ name: n, parts }] : [];
  });
  const widest = (name: string) => {
    const parts = groupParts(name);
    if (!parts) return name;
    const wider = groups.filter((g) => g.parts.size > parts.size && [...parts].every((p) => g.parts.has(p)));
    return wider.sort((a, b) => b.parts.size - a.parts.size)[0]?.name ?? name;
  };
  return widest;
}

/** Tasks per lead unit and bucket; a task with two lead units counts for each. Units sorted by name. */
export function countByUnit(states: TaskState[]): UnitCounts[] {
  const byUnit = new Map<string, Record<Bucket, number>>();
  const nameOf = groupNames(states.flatMap(leadsOf));
  for (const s of states) {
    for (const unit of new Set(leadsOf(s).map(nameOf))) {
      const counts = byUnit.get(unit) ?? { done: 0, in_progress: 0, overdue: 0, no_report: 0 };
      counts[bucketOf(s)] += 1;
      byUnit.set(unit, counts);
    }
  }
  return [...byUnit].map(([unit, counts]) => ({ unit, counts })).sort((a, b) => a.unit.localeCompare(b.unit, 'vi'));
}

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

/** The progress chart as SVG: one stacked bar per unit (done / in progress / overdue / no report). */
export function chartSvg(rows: UnitCounts[], labels: ChartLabels): string {
  const most = Math.max(1, ...rows.map((r) => BUCKETS.reduce((s, b) => s + r.counts[b], 0)));
  const scale = (WIDTH - LABEL_W - 30) / most;
  const height = TOP + rows.length * (BAR_H + GAP) + 40;
  const bars = rows.map((r, i) => bar(r, TOP + i * (BAR_H + GAP), scale)).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="20" y="30" font-size="18" font-weight="bold">${escapeXml(labels.title)}</text>`,
    bars,
    legend(labels, height - 28),
    '</svg>',
  ].join('');
}

/** Renders an SVG to PNG with resvg (no browser), using the system fonts; resvg is loaded on first use. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}

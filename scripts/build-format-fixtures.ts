/**
 * Builds the real-format fixtures of test/ingest/fixtures from the Markdown plans, the way offices make their files:
 * a Word document written with the `docx` package (borderless two-column header and signature tables, a bordered
 * appendix table on landscape pages whose header row repeats and whose cells hold several lines), the same converted
 * to PDF by LibreOffice, an .xlsx appendix, PDFs whose pages repeat a header and a page number, and an image-only PDF
 * (a scan), and a plan whose markers ("I.", "1.", "a)", "-") are Word's automatic numbering. Run by hand, never by the tests; name sets to build only those (default all):
 *   npx tsx scripts/build-format-fixtures.ts [conversions|xlsx|running|scan|numbering …]   (needs soffice, pdftoppm, img2pdf)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import ExcelJS from 'exceljs';

const OUT = 'test/ingest/fixtures';

type Row = string[];
type Block =
  | { kind: 'para'; text: string; bold: boolean; center: boolean }
  | { kind: 'grid'; rows: Row[] }
  | { kind: 'layout'; rows: string[][][] };

/** Markdown emphasis, heading marks and HTML tags dropped. */
const plain = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*+/g, '')
    .replace(/\s+$/, '')
    .trim();

/** The cells of a table line (tab-separated, Markdown pipes, or one HTML `<tr>`), or null. */
function cellsOf(line: string): Row | null {
  if (line.includes('\t')) return line.split('\t').map(plain);
  const t = line.trim();
  if (/^\|.*\|$/.test(t)) {
    const cells = t.slice(1, -1).split('|').map(plain);
    return cells.every((c) => /^:?-{2,}:?$/.test(c)) ? [] : cells;
  }
  if (/^<tr[\s>]/i.test(t)) return [...t.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) => plain(m[1]!));
  return null;
}

/** HTML rows written over several lines are put on one line first. */
function joinHtmlRows(text: string): string[] {
  return text
    .replace(/<tr[\s>][\s\S]*?<\/tr>/gi, (row) => row.replace(/\n/g, ' '))
    .replace(/<\/?(table|thead|tbody)[^>]*>/gi, '')
    .split('\n');
}

const isBullet = (s: string) => /^[-–+•]\s/.test(s);
const isMarked = (s: string) => /^([a-zđ]\s*[.)]|[IVXL]+\s*[.)]|\d+(\.\d+)*\s*[.)])\s/u.test(s);

/** Table rows from the Markdown: a repeated header dropped and a row cut by a page break joined back. */
function gridRows(rows: Row[]): Row[] {
  const header = rows[0]!;
  const out: Row[] = [header];
  let afterBreak = false;
  for (const row of rows.slice(1)) {
    if (row.length === 0) continue;
    if (row.join('|') === header.join('|')) {
      afterBreak = true;
      continue;
    }
    const previous = out.at(-1)!;
    if (afterBreak && row[0] === '' && out.length > 1)
      row.forEach((c, i) => c && (previous[i] = previous[i] ? `${previous[i]} ${c}` : c));
    else out.push(row.map((c) => c));
    afterBreak = false;
  }
  return out;
}

/** The document's blocks: paragraphs, layout tables (2 columns, each cell several lines) and grid tables. */
function blocksOf(markdown: string): Block[] {
  const lines = joinHtmlRows(markdown.replace(/ {2}\n/g, '\n'));
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = cellsOf(lines[i]!);
    if (cells) {
      const rows: Row[] = [];
      let j = i;
      while (j < lines.length) {
        const c = cellsOf(lines[j]!);
        if (c) {
          rows.push(c);
          j++;
          continue;
        }
        if (lines[j]!.trim() !== '') break;
        let k = j;
        while (k < lines.length && lines[k]!.trim() === '') k++;
        if (k >= lines.length || !cellsOf(lines[k]!)) break;
        j = k;
      }
      i = j - 1;
      const width = Math.max(...rows.map((r) => r.length));
      if (width <= 2)
        blocks.push({ kind: 'layout', rows: [[0, 1].map((k) => rows.map((r) => r[k] ?? '').filter(Boolean))] });
      else blocks.push({ kind: 'grid', rows: gridRows(rows) });
      continue;
    }
    const raw = lines[i]!;
    const text = plain(raw);
    if (!text) continue;
    const previous = blocks.at(-1);
    // A paragraph cut by a page break in the Markdown is one paragraph in Word.
    if (previous?.kind === 'para' && /^\p{Ll}/u.test(text) && !isMarked(text) && !/[.:;!?]$/.test(previous.text)) {
      previous.text = `${previous.text} ${text}`;
      continue;
    }
    const bold = /^\s*(#|\*\*)/.test(raw) || (/\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text));
    blocks.push({ kind: 'para', text, bold, center: /^(KẾ HOẠCH|PHỤ LỤC|\(Kèm theo)/u.test(text) });
  }
  return layoutBlocks(blocks);
}

/** The header (issuer beside the national motto, number beside place and date) and signature blocks as 2-column tables. */
function layoutBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const text = (k: number) => {
      const x = blocks[k];
      return x?.kind === 'para' ? x.text : null;
    };
    if (b.kind !== 'para') {
      out.push(b);
      continue;
    }
    if (/^Số\s*:/u.test(b.text) && /, ngày/u.test(text(i + 1) ?? '')) {
      out.push({ kind: 'layout', rows: [[[b.text], [text(i + 1)!]]] });
      i += 1;
      continue;
    }
    if (/^(ỦY BAN|UBND|SỞ|HỘI ĐỒNG)/u.test(b.text) && [i + 1, i + 2].some((k) => /^CỘNG HÒA/u.test(text(k) ?? ''))) {
      const left = b.text.split('\n');
      const motto = /^CỘNG HÒA/u.test(text(i + 1) ?? '') ? i + 1 : i + 2;
      if (motto === i + 2) left.push(text(i + 1)!);
      out.push({ kind: 'layout', rows: [[left, [text(motto)!, 'Độc lập - Tự do - Hạnh phúc']]] });
      i = motto + (/^Độc lập/u.test(text(motto + 1) ?? '') ? 1 : 0);
      continue;
    }
    // "Nơi nhận:" and its list beside the signature block ("TM. …", capacity, name).
    if (/^Nơi nhận/u.test(b.text) || (isBullet(b.text) && /^(TM|KT)\./u.test(text(nextNonBullet(blocks, i)) ?? ''))) {
      const end = nextNonBullet(blocks, i + 1);
      const left = blocks.slice(i, end).map((x) => (x.kind === 'para' ? x.text : ''));
      let k = end;
      const right: string[] = [];
      while (text(k) !== null && right.length < 5 && (/^[^\p{Ll}]+$/u.test(text(k)!) || /^\(/.test(text(k)!)))
        right.push(text(k++)!);
      if (right.length > 0 && text(k) !== null && /^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}*)+$/u.test(text(k)!)) {
        out.push({ kind: 'layout', rows: [[left, [...right, '', '', text(k)!]]] });
        i = k;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

function nextNonBullet(blocks: Block[], from: number): number {
  let k = from;
  while (blocks[k]?.kind === 'para' && isBullet((blocks[k] as { text: string }).text)) k++;
  return k;
}

const FONT = 'Times New Roman';
const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: 26 });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** A cell's text as several paragraphs, cut after each "; " as officials type them. */
const cellParagraphs = (text: string, bold = false) =>
  (text ? text.split(/(?<=;) /) : ['']).map((line) => new Paragraph({ children: [run(line, bold)] }));

function layoutTable(rows: string[][][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (lines, k) =>
              new TableCell({
                width: { size: k === 0 ? 40 : 60, type: WidthType.PERCENTAGE },
                children: lines.map(
                  (l) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(l, /\p{Lu}{3}/u.test(l))] }),
                ),
              }),
          ),
        }),
    ),
  });
}

/** Column widths from the text each column holds: a number column narrow, the content column wide. */
function widths(rows: Row[]): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const mass = Array.from({ length: n }, (_, k) =>
    Math.sqrt(rows.reduce((s, r) => s + (r[k]?.length ?? 0), 0) / rows.length + 4),
  );
  const total = mass.reduce((a, b) => a + b, 0);
  return mass.map((m) => Math.max(5, Math.round((m / total) * 100)));
}

function gridTable(rows: Row[]): Table {
  const w = widths(rows);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: w.map(
            (size, k) =>
              new TableCell({
                width: { size, type: WidthType.PERCENTAGE },
                children: cellParagraphs(cells[k] ?? '', r === 0),
              }),
          ),
        }),
    ),
  });
}

/** Text repeated on every page: a header line at the top, and the page number ("Trang 2/5") at the foot. */
type Running = { header: string };

/** The running header and footer of a section, as offices set them in Word. */
function runningParts({ header }: Running): Pick<ISectionOptions, 'headers' | 'footers'> {
  const centered = (children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]>) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children, font: FONT, size: 22 })] });
  return {
    headers: { default: new Header({ children: [centered([header])] }) },
    footers: {
      default: new Footer({ children: [centered(['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES])] }),
    },
  };
}

/**
 * The header a plan's pages repeat: its issuer and number ("ỦY BAN NHÂN DÂN PHƯỜNG NHỊ CHIỂU - Kế hoạch số 158/KH-UBND"),
 * or where its file has no header block, the start of its title ("Kế hoạch thực hiện Kết luận số 226-KL/TW ngày 11 …").
 */
function runningHeader(blocks: Block[]): string {
  const texts = blocks.flatMap((b) => (b.kind === 'para' ? [b.text] : b.kind === 'layout' ? b.rows.flat(2) : []));
  const motto = blocks.find((b) => b.kind === 'layout' && /^CỘNG HÒA/u.test(b.rows[0]?.[1]?.[0] ?? ''));
  const issuer = motto?.kind === 'layout' ? motto.rows[0]![0]!.join(' ') : '';
  const number = texts.find((t) => /^Số\s*:/u.test(t))?.replace(/^Số\s*:\s*/u, '');
  if (issuer && number) return `${issuer} - Kế hoạch số ${number}`;
  const title = texts[texts.findIndex((t) => /^KẾ HOẠCH$/u.test(t)) + 1] ?? '';
  return `Kế hoạch ${title.charAt(0).toLowerCase()}${title.slice(1).split(' ').slice(0, 12).join(' ')} …`;
}

function toDocx(blocks: Block[], running?: Running): Document {
  const appendixAt = blocks.findIndex((b) => b.kind === 'para' && /^PHỤ LỤC/u.test(b.text));
  const grids = blocks.findIndex((b) => b.kind === 'grid');
  const split = appendixAt >= 0 && grids > appendixAt ? appendixAt : -1;
  const children = (bs: Block[]) =>
    bs.map((b) =>
      b.kind === 'para'
        ? new Paragraph({
            alignment: b.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
            spacing: { after: 120 },
            children: [run(b.text, b.bold)],
          })
        : b.kind === 'grid'
          ? gridTable(b.rows)
          : layoutTable(b.rows),
    );
  const margin = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
  const parts = running ? runningParts(running) : {};
  const sections: ISectionOptions[] = [
    { ...parts, properties: { page: { margin } }, children: children(split >= 0 ? blocks.slice(0, split) : blocks) },
  ];
  if (split >= 0)
    sections.push({
      ...parts,
      properties: { page: { margin, size: { orientation: PageOrientation.LANDSCAPE } } },
      children: children(blocks.slice(split)),
    });
  return new Document({ sections });
}

async function writeDocx(blocks: Block[], file: string, running?: Running): Promise<void> {
  writeFileSync(file, await Packer.toBuffer(toDocx(blocks, running)));
}

/** Word → PDF with LibreOffice, as an office exports its plan. */
function toPdf(docx: string, outDir: string): void {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'ignore' });
}

/** The appendix as an Excel sheet: two title rows, a header over two rows with merged cells, one row per task. */
async function writeXlsx(grid: Row[], titles: string[], file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Phụ lục');
  const header = grid[0]!;
  const lead = header.findIndex((h) => /chủ trì/iu.test(h));
  const coord = header.findIndex((h) => /phối hợp/iu.test(h));
  titles.forEach((t, i) => {
    sheet.getRow(i + 1).getCell(1).value = t;
    sheet.mergeCells(i + 1, 1, i + 1, header.length);
  });
  const top = titles.length + 2;
  header.forEach((h, k) => {
    const inPair = k === lead || k === coord;
    sheet.getRow(top).getCell(k + 1).value = inPair ? 'Cơ quan thực hiện' : h;
    sheet.getRow(top + 1).getCell(k + 1).value = inPair ? (k === lead ? 'Chủ trì' : 'Phối hợp') : null;
    if (!inPair) sheet.mergeCells(top, k + 1, top + 1, k + 1);
  });
  if (lead >= 0 && coord === lead + 1) sheet.mergeCells(top, lead + 1, top, coord + 1);
  grid
    .slice(1)
    .forEach((row, r) =>
      row.forEach((c, k) => (sheet.getRow(top + 2 + r).getCell(k + 1).value = /^\d+$/.test(c) ? Number(c) : c)),
    );
  await book.xlsx.writeFile(file);
}

/** The first `pages` pages of a PDF as pictures only, as a scanner makes them. */
function toScan(pdf: string, pages: number, file: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-l', String(pages), pdf, join(dir, 'p')]);
  const images = readdirSync(dir)
    .sort()
    .map((n) => join(dir, n));
  execFileSync('img2pdf', ['-o', file, ...images]);
  rmSync(dir, { recursive: true, force: true });
}

async function buildSet(sources: string[], docxDir: string, pdfDir: string): Promise<void> {
  mkdirSync(docxDir, { recursive: true });
  mkdirSync(pdfDir, { recursive: true });
  for (const source of sources) {
    const docx = join(docxDir, `${basename(source, '.md')}.docx`);
    await writeDocx(blocksOf(readFileSync(source, 'utf8')), docx);
    toPdf(docx, pdfDir);
  }
}

/** The shipped and unseen plans as Word files and as PDFs exported from them. */
async function buildConversions(): Promise<void> {
  const shipped = ['dai-son', 'hue', 'nhi-chieu'].map((id) => `knowledge/${id}.md`);
  await buildSet(shipped, join(OUT, 'docx'), join(OUT, 'pdf'));
  for (const set of ['unseen', 'unseen-2']) {
    const dir = `test/knowledge/fixtures/${set}`;
    const sources = readdirSync(dir)
      .filter((n) => n.endsWith('.md') && n !== 'README.md')
      .map((n) => join(dir, n));
    await buildSet(sources, join(OUT, `${set}-docx`), join(OUT, `${set}-pdf`));
  }
}

/** nhi-chieu sent as the Word body without its appendix, and the appendix as an Excel file. */
async function buildXlsx(): Promise<void> {
  const blocks = blocksOf(readFileSync('knowledge/nhi-chieu.md', 'utf8'));
  const at = blocks.findIndex((b) => b.kind === 'para' && /^PHỤ LỤC/u.test(b.text));
  const grid = blocks.find((b) => b.kind === 'grid') as { rows: Row[] };
  mkdirSync(join(OUT, 'xlsx'), { recursive: true });
  await writeDocx(blocks.slice(0, at), join(OUT, 'xlsx', 'nhi-chieu.docx'));
  await writeXlsx(
    grid.rows,
    [
      'PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ CỤ THỂ',
      '(Kèm theo Kế hoạch số 158/KH-UBND ngày 05/5/2026 của UBND phường Nhị Chiểu)',
    ],
    join(OUT, 'xlsx', 'phu-luc-kh-158.xlsx'),
  );
}

/** Plans whose pages repeat a header and a page number ("Trang 2/5"), as PDFs only (mammoth leaves headers out). */
async function buildRunning(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'running-'));
  mkdirSync(join(OUT, 'running-pdf'), { recursive: true });
  for (const id of ['hue', 'nhi-chieu']) {
    const blocks = blocksOf(readFileSync(`knowledge/${id}.md`, 'utf8'));
    await writeDocx(blocks, join(tmp, `${id}.docx`), { header: runningHeader(blocks) });
    toPdf(join(tmp, `${id}.docx`), join(OUT, 'running-pdf'));
  }
  rmSync(tmp, { recursive: true, force: true });
}

async function buildScan(): Promise<void> {
  mkdirSync(join(OUT, 'scan'), { recursive: true });
  toScan(join(OUT, 'pdf', 'dai-son.pdf'), 1, join(OUT, 'scan', 'dai-son.pdf'));
}

/**
 * A short provincial plan whose markers are Word's automatic numbering (numbering.xml), none typed: "I." (upper
 * Roman), "1." (decimal), "a)" (lower letter), "-" (bullet), with unnumbered paragraphs between numbered ones.
 */
async function buildNumbering(): Promise<void> {
  const levels = [
    { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.' },
    { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
    { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)' },
    { level: 3, format: LevelFormat.BULLET, text: '-' },
  ].map((l) => ({ ...l, alignment: AlignmentType.LEFT }));
  const para = (text: string, bold = false, level?: number) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { after: 120 },
      ...(level === undefined ? {} : { numbering: { reference: 'plan', level } }),
      children: [run(text, bold)],
    });
  const [I, L1, L2, DASH] = [0, 1, 2, 3];
  const body: Array<[string, boolean, number?]> = [
    [
      'Thực hiện Kế hoạch số 144/KH-UBND ngày 21/4/2026 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh An Bình ban hành Kế hoạch thực hiện như sau:',
      false,
    ],
    ['MỤC ĐÍCH, YÊU CẦU', true, I],
    ['Mục đích', true, L1],
    ['Chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị trên địa bàn tỉnh.', false],
    ['Yêu cầu', true, L1],
    ['Xác định cụ thể nhiệm vụ, trách nhiệm của từng cơ quan, đơn vị.', false],
    ['NHIỆM VỤ, GIẢI PHÁP', true, I],
    ['Đổi mới phương thức làm việc, ứng dụng chuyển đổi số trong xử lý công việc.', false, L1],
    ['Tinh giản số lượng hội nghị, tăng hội nghị trực tuyến.', false, L1],
    ['KINH PHÍ THỰC HIỆN', true, I],
    ['Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách hằng năm của các cơ quan, đơn vị.', false],
    ['TỔ CHỨC THỰC HIỆN', true, I],
    [
      'Văn phòng Ủy ban nhân dân tỉnh: chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả trước ngày 15/12/2026.',
      false,
      L1,
    ],
    ['Các sở, ban, ngành', true, L1],
    [
      'Sở Nội vụ: chủ trì rà soát, sửa đổi quy chế làm việc của Ủy ban nhân dân tỉnh, hoàn thành trước 30/6/2026.',
      false,
      L2,
    ],
    ['Sở Khoa học và Công nghệ: chủ trì xây dựng hệ thống họp trực tuyến, hoàn thành trước 30/9/2026.', false, L2],
    ['Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước 31/10/2026.', false, L2],
    ['Ủy ban nhân dân các xã, phường', true, L1],
    ['Xây dựng kế hoạch thực hiện tại địa phương, hoàn thành trước 31/7/2026.', false, DASH],
    ['Báo cáo kết quả thực hiện trước ngày 10/12/2026.', false, DASH],
  ];
  const doc = new Document({
    numbering: { config: [{ reference: 'plan', levels }] },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          layoutTable([
            [
              ['ỦY BAN NHÂN DÂN', 'TỈNH AN BÌNH'],
              ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
            ],
          ]),
          layoutTable([[['Số: 12/KH-UBND'], ['An Bình, ngày 10 tháng 5 năm 2026']]]),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run('KẾ HOẠCH', true)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              run('Thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về chấn chỉnh lề lối làm việc', true),
            ],
          }),
          ...body.map(([text, bold, level]) => para(text, bold, level)),
          layoutTable([
            [
              ['Nơi nhận:', '- Như trên;', '- Lưu: VT.'],
              ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', '', 'Nguyễn Văn An'],
            ],
          ]),
        ],
      },
    ],
  });
  mkdirSync(join(OUT, 'numbering'), { recursive: true });
  writeFileSync(join(OUT, 'numbering', 'an-binh.docx'), await Packer.toBuffer(doc));
}

/** Each set of fixtures by name; the script builds those named on its command line, or all. */
const SETS: Record<string, () => Promise<void>> = {
  conversions: buildConversions,
  xlsx: buildXlsx,
  running: buildRunning,
  scan: buildScan,
  numbering: buildNumbering,
};

const named = process.argv.slice(2);
for (const name of named.length > 0 ? named : Object.keys(SETS)) {
  const build = SETS[name];
  if (!build) throw new Error(`build-format-fixtures: no set '${name}' (sets: ${Object.keys(SETS).join(', ')})`);
  await build();
}

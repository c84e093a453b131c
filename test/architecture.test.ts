import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/**
 * What a unit of src/ may import: a folder, a channel's subfolder (`channels/telegram`), the channels' shared
 * files (`channels`), or a top-level file (`config.ts`). The layer map of docs/design.md; STYLE.md §2.
 */
type Rule = {
  /** Units whose values (and types) it may import. '*': any unit (the composition root and the CLI). */
  uses: readonly string[] | '*';
  /** Units it may take only types from, with `import type` / `export type`. */
  typesFrom?: readonly string[];
  /** npm packages it may import (node: built-ins are free, save node:fs in the core). '*': any. */
  npm: readonly string[] | '*';
};

/** Pure foundations every layer may use: text folding and tokens, days on Hanoi time. */
const BASE = ['text', 'calendar'];

const RULES: Record<string, Rule> = {
  text: { uses: [], npm: [] },
  calendar: { uses: [], npm: [] },
  knowledge: { uses: [...BASE], npm: ['zod'] },
  search: { uses: ['knowledge', ...BASE], npm: ['minisearch'] },
  tasks: { uses: ['knowledge', ...BASE], npm: ['zod'] },
  // The digest sits below messages, which renders its types; the files it became are in reports/.
  digest: { uses: ['tasks', 'knowledge', ...BASE], npm: [] },
  messages: { uses: [...BASE], typesFrom: ['knowledge', 'tasks', 'search', 'digest'], npm: [] },
  chat: { uses: ['search', 'tasks', 'knowledge', 'messages', ...BASE], npm: ['zod'] },
  reports: { uses: ['digest', 'messages', 'tasks', 'knowledge', ...BASE], npm: ['exceljs', 'docx', '@resvg/resvg-js'] },
  store: { uses: [...BASE], typesFrom: ['tasks'], npm: ['better-sqlite3'] },
  // The PostgreSQL store: the same ports; it shares the SQLite store's row mappers, rules and migration reader.
  'store/pg': { uses: ['store', ...BASE], typesFrom: ['tasks'], npm: ['pg'] },
  // Reading plan files (.docx, .pdf, .xlsx, scans): outer, beside the core, turning each format into plan text;
  // zod checks what the start-up cache gives back.
  ingest: { uses: ['knowledge', ...BASE], npm: ['mammoth', 'jszip', 'pdfjs-dist', 'exceljs', 'zod'] },
  // The channels take the store's delivery and inbox ports (declared in tasks) as types.
  channels: { uses: ['chat', 'messages'], typesFrom: ['tasks'], npm: [] },
  'channels/telegram': {
    uses: ['channels', 'chat', 'messages'],
    typesFrom: ['tasks'],
    npm: ['grammy', '@grammyjs/runner', '@grammyjs/auto-retry'],
  },
  'channels/zalo': { uses: ['channels', 'chat', 'messages'], typesFrom: ['tasks'], npm: ['axios', 'zod'] },
  'channels/terminal': { uses: ['chat', 'messages'], npm: [] },
  server: { uses: ['channels'], npm: [] },
  scheduler: {
    uses: ['digest', 'reports', 'messages', 'knowledge', 'tasks', ...BASE],
    typesFrom: ['chat'],
    npm: ['croner'],
  },
  // The digest and report chat commands: the chat core takes them, as handlers, from the composition root.
  'report-commands': {
    uses: ['scheduler', 'digest', 'reports', 'messages', 'knowledge', 'tasks', ...BASE],
    typesFrom: ['chat'],
    npm: [],
  },
  // The leaders' dashboard: pages over the digest's derivations; the server hands it requests (types only).
  dashboard: {
    uses: ['digest', 'reports', 'messages', 'knowledge', 'tasks', ...BASE],
    typesFrom: ['server'],
    npm: [],
  },
  'config.ts': { uses: [], npm: ['zod', 'croner'] },
  'log.ts': { uses: [], typesFrom: ['config.ts', 'tasks'], npm: ['pino'] },
  // The composition: app/ holds main.ts's parts, so it may use every layer but the CLI.
  app: {
    uses: [
      ...[
        'channels',
        'channels/telegram',
        'channels/zalo',
        'channels/terminal',
        'server',
        'scheduler',
        'report-commands',
        'dashboard',
        'store',
        'store/pg',
        'ingest',
      ],
      ...['chat', 'search', 'tasks', 'knowledge', 'messages', 'config.ts', 'log.ts', ...BASE],
    ],
    npm: ['grammy'],
  },
  cli: { uses: '*', npm: '*' },
  'main.ts': { uses: '*', npm: '*' },
};

/** The core imports no framework, database or logger, and reads no files (ingest/ reads the plans). */
const CORE = new Set(['text', 'calendar', 'knowledge', 'search', 'tasks', 'chat', 'digest', 'messages']);
const FS = new Set(['node:fs', 'fs', 'node:fs/promises', 'fs/promises']);
const NODE_BUILTINS = new Set(['fs', 'fs/promises', 'path', 'crypto', 'os', 'http', 'events', 'net', 'url']);

type Import = { spec: string; typeOnly: boolean };

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listTs(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): Import[] {
  const src = readFileSync(file, 'utf8');
  const statics = [...src.matchAll(/(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => ({
    spec: m[2]!,
    typeOnly: Boolean(m[1]),
  }));
  const bare = [...src.matchAll(/^import\s+['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[1]!, typeOnly: false }));
  const dynamic = [...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false }));
  return [...statics, ...bare, ...dynamic];
}

/** Folders whose subfolders are units of their own, sharing the folder's own files as a kit (`channels/zalo`, `store/pg`). */
const KIT_FOLDERS = ['channels', 'store'];

/** "chat", "channels/zalo", "channels" (its shared files), "store/pg", "config.ts". */
function unitOf(relPath: string): string {
  const parts = relPath.split('/');
  if (parts.length === 1) return parts[0]!;
  if (KIT_FOLDERS.includes(parts[0]!) && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0]!;
}

/** Every unit that exists: each folder, each channel subfolder, the channels' shared files, each top-level file. */
function unitsOf(files: readonly string[]): string[] {
  return [...new Set(files.map((f) => unitOf(relative(SRC, f))))].sort();
}

const packageOf = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec);

/** Where a unit's public surface is: its index.ts, or the top-level file itself. */
const surfaceOf = (unit: string) => (unit.endsWith('.ts') ? unit.replace(/\.ts$/, '') : `${unit}/index`);

/** The rule a unit without one would need, from what it imports today: printed for whoever adds the unit. */
function suggestedRule(unit: string, files: readonly string[]): string {
  const uses = new Set<string>();
  const types = new Set<string>();
  const npm = new Set<string>();
  for (const file of files.filter((f) => unitOf(relative(SRC, f)) === unit)) {
    for (const { spec, typeOnly } of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = unitOf(relative(SRC, resolve(dirname(file), spec)));
        if (target !== unit) (typeOnly ? types : uses).add(target);
      } else if (!isNodeBuiltin(spec)) npm.add(packageOf(spec));
    }
  }
  const list = (s: Set<string>) => [...s].sort().map((x) => `'${x}'`);
  const typesFrom = [...types].filter((t) => !uses.has(t));
  return (
    `'${unit}': { uses: [${list(uses).join(', ')}]` +
    (typesFrom.length ? `, typesFrom: [${list(new Set(typesFrom)).join(', ')}]` : '') +
    `, npm: [${list(npm).join(', ')}] }`
  );
}

/** What is wrong with one import of a file, or null. */
function violation(rel: string, file: string, { spec, typeOnly }: Import): string | null {
  const unit = unitOf(rel);
  const rule = RULES[unit]!;
  if (!spec.startsWith('.')) {
    if (isNodeBuiltin(spec)) {
      return CORE.has(unit) && FS.has(spec) ? `${rel} imports ${spec}: the core reads no files (ingest/ does)` : null;
    }
    const pkg = packageOf(spec);
    return rule.npm === '*' || rule.npm.includes(pkg)
      ? null
      : `${rel} imports the npm package '${pkg}', which RULES['${unit}'].npm does not list`;
  }
  const targetPath = relative(SRC, resolve(dirname(file), spec)).replace(/\.(js|ts)$/, '');
  const target = unitOf(`${targetPath}.ts`);
  if (target === unit) return null;
  const mayUse = rule.uses === '*' || rule.uses.includes(target);
  if (!mayUse && !rule.typesFrom?.includes(target)) {
    return `${rel} imports ${spec}: '${unit}' may not depend on '${target}' (RULES['${unit}'] in test/architecture.test.ts, docs/design.md)`;
  }
  if (!mayUse && !typeOnly) {
    return `${rel} imports values from '${target}' (${spec}): '${unit}' takes only types from it; use \`import type\``;
  }
  // A channel's subfolder uses the channels' shared files directly (store/pg the SQLite store's); everything else
  // goes through the surface.
  const sharedKit = KIT_FOLDERS.includes(target) && unit.startsWith(`${target}/`);
  if (!sharedKit && targetPath !== surfaceOf(target)) {
    return `${rel} deep-imports ${spec}: import from '${surfaceOf(target)}.js', the public surface of '${target}'`;
  }
  return null;
}

describe('architecture', () => {
  const files = listTs(SRC);
  const units = unitsOf(files);

  it('has a rule for every folder, channel and top-level file of src/', () => {
    const missing = units
      .filter((u) => !(u in RULES))
      .map(
        (u) =>
          `src/${u} has no rule: add to RULES in test/architecture.test.ts (keeping only what the layer map allows) ` +
          `${suggestedRule(u, files)}, and draw '${u}' in docs/design.md (layer diagram and table)`,
      );
    expect(missing).toEqual([]);
  });

  it('has no rule for a unit that is gone', () => {
    expect(Object.keys(RULES).filter((u) => !units.includes(u))).toEqual([]);
  });

  it('names every unit in the layer table of docs/design.md', () => {
    const design = readFileSync('docs/design.md', 'utf8');
    const missing = units
      .filter((u) => !design.includes(`| \`${u}\` |`))
      .map(
        (u) =>
          `docs/design.md has no row for '${u}': add "| \`${u}\` | … |" to the layer table, and '${u}' to the diagram`,
      );
    expect(missing).toEqual([]);
  });

  it.each(files.filter((f) => unitOf(relative(SRC, f)) in RULES).map((f) => [relative(SRC, f), f]))(
    '%s imports only what its unit may',
    (rel, file) => {
      const problems = importsOf(file)
        .map((i) => violation(rel, file, i))
        .filter(Boolean);
      expect(problems).toEqual([]);
    },
  );

  /** Folders split into subfolders that each keep an `index.ts` as their public surface. */
  const SPLIT_FOLDERS = ['search'];

  /** The subfolder of a folder a file is in ("search/question" for src/search/question/words.ts), or null. */
  const subfolderOf = (path: string) => {
    const parts = relative(SRC, path).split('/');
    return parts.length > 2 && statSync(join(SRC, parts[0]!, parts[1]!)).isDirectory()
      ? `${parts[0]}/${parts[1]}`
      : null;
  };

  it.each(files.map((f) => [relative(SRC, f), f]))('%s reaches sibling subfolders through their index', (rel, file) => {
    for (const { spec } of importsOf(file).filter((i) => i.spec.startsWith('.'))) {
      const target = resolve(dirname(file), spec);
      const sub = subfolderOf(target);
      if (sub === null || sub === subfolderOf(file) || !SPLIT_FOLDERS.includes(unitOf(rel))) continue;
      expect(relative(SRC, target).replace(/\.(js|ts)$/, ''), `${rel} deep-imports ${spec}`).toBe(`${sub}/index`);
    }
  });

  it.each(['search/question', 'search/retrieval', 'search/answers'])('%s has an index.ts', (sub) => {
    expect(statSync(join(SRC, sub, 'index.ts')).isFile()).toBe(true);
  });
});

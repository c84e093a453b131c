import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** Which internal folders and npm packages each folder may import (docs/design.md, STYLE.md §2). */
const ALLOWED: Record<string, { internal: string[]; npm: string[] }> = {
  text: { internal: [], npm: [] },
  calendar: { internal: [], npm: [] },
  knowledge: { internal: ['text', 'calendar'], npm: ['zod'] },
  search: { internal: ['knowledge', 'text', 'calendar'], npm: ['minisearch'] },
  tasks: { internal: ['knowledge', 'text', 'calendar'], npm: ['zod'] },
  messages: { internal: ['knowledge', 'tasks', 'search', 'chat', 'text', 'digest', 'calendar'], npm: [] },
  chat: { internal: ['search', 'tasks', 'knowledge', 'messages', 'text', 'digest', 'calendar'], npm: ['zod'] },
  digest: {
    internal: ['tasks', 'knowledge', 'messages', 'text', 'calendar'],
    npm: ['exceljs', 'docx', '@resvg/resvg-js'],
  },
  store: { internal: ['tasks', 'knowledge', 'text', 'calendar'], npm: ['better-sqlite3'] },
  // Reading plan files (.docx, .pdf, .xlsx, scans): outer, beside the core, turning each format into plan text.
  ingest: { internal: ['knowledge', 'text'], npm: ['mammoth', 'pdfjs-dist', 'exceljs'] },
  // channels/*, cli and main.ts are the outer layer: they may import anything.
};
const CORE = new Set(['text', 'calendar', 'knowledge', 'search', 'tasks', 'chat', 'digest', 'messages']);
const CORE_FORBIDDEN_NODE = ['node:fs', 'fs', 'node:fs/promises'];
const FS_ALLOWED_FILES = new Set<string>();

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listTs(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const specs = [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const dynamic = [...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...specs, ...dynamic];
}

const folderOf = (file: string) => relative(SRC, file).split('/')[0]!;

describe('architecture', () => {
  const files = listTs(SRC);

  it.each(files.map((f) => [relative(SRC, f), f]))('%s imports only what its folder may', (rel, file) => {
    const folder = folderOf(file);
    const rule = ALLOWED[folder];
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const targetFolder = relative(SRC, target).split('/')[0]!;
        if (targetFolder === folder || !rule) continue;
        expect(rule.internal, `${rel} imports ${spec}`).toContain(targetFolder);
        // Cross-folder imports go through the folder's index.
        expect(relative(SRC, target).replace(/\.(js|ts)$/, ''), `${rel} deep-imports ${spec}`).toBe(
          `${targetFolder}/index`,
        );
      } else if (rule) {
        if (spec.startsWith('node:') || ['fs', 'path', 'crypto', 'os'].includes(spec)) {
          if (CORE.has(folder) && CORE_FORBIDDEN_NODE.includes(spec))
            expect(FS_ALLOWED_FILES.has(rel), `${rel} imports ${spec}`).toBe(true);
          continue;
        }
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        expect(rule.npm, `${rel} imports ${spec}`).toContain(pkg);
      }
    }
  });

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
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      const target = resolve(dirname(file), spec);
      const sub = subfolderOf(target);
      if (sub === null || sub === subfolderOf(file) || !SPLIT_FOLDERS.includes(folderOf(file))) continue;
      expect(relative(SRC, target).replace(/\.(js|ts)$/, ''), `${rel} deep-imports ${spec}`).toBe(`${sub}/index`);
    }
  });

  it.each(['search/question', 'search/retrieval', 'search/answers'])('%s has an index.ts', (sub) => {
    expect(statSync(join(SRC, sub, 'index.ts')).isFile()).toBe(true);
  });
});

import { readFileSync } from 'node:fs';

/** The page's own stylesheet and script, read once: the only files the CSP lets a page load. */
const read = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));

export const ASSETS: Record<string, { content: Buffer; type: string }> = {
  'app.css': { content: read('app.css'), type: 'text/css; charset=utf-8' },
  'app.js': { content: read('app.js'), type: 'text/javascript; charset=utf-8' },
};

#!/usr/bin/env node
// The one test command: type-check and run vitest side by side, then print the plain "N passed, N failed" line CI reads.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const extra = process.argv.slice(2);

/** Runs a command; resolves with its exit status (1 when it could not start or was killed) and what it printed if piped. */
const run = (command, args, stdio) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio });
    const printed = [];
    child.stdout?.on('data', (chunk) => printed.push(chunk));
    child.stderr?.on('data', (chunk) => printed.push(chunk));
    child.on('error', () => resolve({ status: 1, printed }));
    child.on('close', (status) => resolve({ status: status ?? 1, printed }));
  });

const out = join(mkdtempSync(join(tmpdir(), 'vitest-')), 'report.json');
const tsc = run(
  bin('tsc'),
  ['--noEmit', '--pretty', String(process.stdout.isTTY === true), '-p', 'tsconfig.json'],
  ['ignore', 'pipe', 'pipe'],
);
const vitest = run(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra],
  'inherit',
);
const [typeCheck, tests] = await Promise.all([tsc, vitest]);
// tsc's report is printed after vitest's, never in the middle of it.
process.stdout.write(Buffer.concat(typeCheck.printed));
const typeErrors = typeCheck.status === 0 ? 0 : 1;

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // A file that fails before its tests run (an import error, a hook) counts once; its tests are not in numFailedTests.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed'),
  ).length;
  failed = (report.numFailedTests ?? 0) + brokenFiles;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  failed = 1;
}
failed += typeErrors;
if (typeErrors) console.log('type check failed (counted as one failure)');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && tests.status === 0 && passed > 0 ? 0 : 1);

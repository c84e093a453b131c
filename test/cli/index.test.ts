import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/app-process.js';

/** Runs the CLI with its standard output closed by the reader before anything is written, as `| head` does. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

describe('cli', () => {
  it('ends quietly when the reader of its output has gone (npm run cli -- tasks … | head)', async () => {
    expect(await runIntoClosedPipe(['tasks', '--plan', 'nhi-chieu'])).toEqual({ code: 0, stderr: '' });
  });
});

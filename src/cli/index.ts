/**
 * `npm run cli -- <command> [args]`: each command is a module in ./commands exporting
 * `run(args: string[]): Promise<number>` (the exit code) and `summary` (one line for the help).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Command = { run: (args: string[]) => Promise<number>; summary: string };

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
const commandNames = () =>
  readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();

async function loadCommand(name: string): Promise<Command> {
  return (await import(join(commandsDir, `${name}.ts`))) as Command;
}

async function printHelp(): Promise<void> {
  console.log('usage: npm run cli -- <command> [options]\n');
  for (const name of commandNames()) console.log(`  ${name.padEnd(10)} ${(await loadCommand(name)).summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    await printHelp();
    return name ? 0 : 1;
  }
  if (!commandNames().includes(name)) {
    console.error(`unknown command '${name}'`);
    await printHelp();
    return 1;
  }
  return (await loadCommand(name)).run(rest);
}

// `npm run cli -- tasks … | head`: once the reader has gone, the rest of the output has nowhere to go; end quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));

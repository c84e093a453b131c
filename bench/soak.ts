/**
 * `npm run soak`: the real bot process against a fake Telegram on 127.0.0.1; simulated people send questions,
 * progress updates, bad inputs and duplicate deliveries as fast as the bot takes them while it is killed (SIGKILL)
 * and restarted. Prints one JSON object (checks and figures); exits 0 when every check holds, 1 otherwise.
 * Options: see bench/soak/options.ts (`npm run soak -- --users 20 --messages 500`; `--store postgres --instances 2`).
 */
import { killAllBots } from './soak/bot-process.js';
import { parseSoakOptions } from './soak/options.js';
import { dropSoakDatabases } from './soak/pg-database.js';
import { runSoak } from './soak/run-soak.js';

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllBots();
    // The PostgreSQL database goes too (the temp folder goes on 'exit').
    void dropSoakDatabases().finally(() => process.exit(130));
  });
}

try {
  const report = await runSoak(parseSoakOptions(process.argv.slice(2)));
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.ok ? 0 : 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}

import { openStore } from '../../store/index.js';

export const summary = 'online backup of the database to FILE (safe while the bot runs)';

/** `backup FILE`: better-sqlite3's online backup of DATABASE_PATH. */
export async function run(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    console.error('usage: npm run cli -- backup FILE');
    return 1;
  }
  const store = openStore(process.env.DATABASE_PATH || 'data/troly.db');
  try {
    await store.backup(file);
    console.log(`backup written to ${file}`);
    return 0;
  } finally {
    store.close();
  }
}

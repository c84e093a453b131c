import { parseArgs } from 'node:util';
import { openStore } from '../../store/index.js';

export const summary = 'list registered users  [--deactivate KEY]  (KEY like tg:123456, zl:abc, cli:local)';

/** `users` lists every user; `users --deactivate tg:123` stops one from updating (their history stays). */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { deactivate: { type: 'string' } } });
  const store = openStore(process.env.DATABASE_PATH || 'data/troly.db');
  try {
    if (values.deactivate) {
      if (!store.users.deactivate(values.deactivate)) {
        console.error(`users: no user "${values.deactivate}"`);
        return 1;
      }
      console.log(`users: ${values.deactivate} deactivated`);
      return 0;
    }
    const users = store.users.list();
    if (users.length === 0) console.log('no users yet; create an invite with: npm run cli -- invite --help');
    for (const u of users) {
      console.log([u.key, u.name, u.role, u.plan ?? '-', u.unit ?? '-', u.active ? 'active' : 'inactive', u.createdAt.toISOString()].join('\t'));
    }
    return 0;
  } finally {
    store.close();
  }
}

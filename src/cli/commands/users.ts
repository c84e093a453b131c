import { parseOptions } from '../options.js';
import { dataSourceOf, withRepositories } from '../with-store.js';

export const summary =
  'list registered users  [--deactivate KEY]  (KEY like tg:123456, zl:abc, cli:local)  [--db FILE]';

const USAGE = 'usage: npm run cli -- users [--deactivate KEY] [--db FILE]   (KEY as listed, like tg:123456)';
const COLUMNS = ['key', 'name', 'role', 'plan', 'unit', 'state', 'registered'];

/** `users` lists every user; `users --deactivate tg:123` stops one from updating (their history stays). */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('users', USAGE, {
    args,
    options: { deactivate: { type: 'string' }, db: { type: 'string' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { deactivate, db } = parsed.values;
  return withRepositories(
    'users',
    dataSourceOf(db),
    async (store) => {
      if (deactivate !== undefined) {
        if (!(await store.users.deactivate(deactivate))) {
          console.error(`users: no user "${deactivate}"; list them with: npm run cli -- users`);
          return 1;
        }
        console.log(`users: ${deactivate} deactivated`);
        return 0;
      }
      const users = await store.users.list();
      if (users.length === 0) {
        console.log('no users yet; create an invite with: npm run cli -- invite --help');
        return 0;
      }
      console.log(COLUMNS.join('\t'));
      for (const u of users) {
        console.log(
          [
            u.key,
            u.name,
            u.role,
            u.plan ?? '-',
            u.unit ?? '-',
            u.active ? 'active' : 'inactive',
            u.createdAt.toISOString(),
          ].join('\t'),
        );
      }
      return 0;
    },
    { mustExist: true },
  );
}

import { copySqliteToPg, createPool, redactUrl, type CopyProblem } from '../../store/pg/index.js';
import { parseOptions } from '../options.js';
import { withStore } from '../with-store.js';

export const summary =
  'copy a SQLite database into an empty PostgreSQL one  (copy --from sqlite:FILE --to postgres://…)';

const USAGE =
  'usage: npm run cli -- store copy --from sqlite:data/troly.db --to postgres://user:password@host:5432/database\n' +
  '  copies every table in one transaction into an empty PostgreSQL database (its schema made first), then checks the counts;\n' +
  '  stop the assistant first: what it writes after the copy starts stays in the SQLite file';

/** What the admin reads when nothing was copied. */
function problemText(p: CopyProblem): string {
  switch (p.code) {
    case 'target_not_empty':
      return `the target database already has rows (in ${p.tables.join(', ')}); copy into an empty database`;
    case 'tables_differ':
      return `the two schemas differ (only in SQLite: ${p.onlyInSqlite.join(', ') || '-'}; only in PostgreSQL: ${p.onlyInPostgres.join(', ') || '-'})`;
    case 'columns_differ':
      return `table ${p.table} has columns PostgreSQL does not: ${p.missing.join(', ')}`;
    case 'count_mismatch':
      return `table ${p.table}: ${p.sqlite} rows in SQLite but ${p.postgres} in PostgreSQL; nothing was kept`;
  }
}

/** `store copy --from sqlite:FILE --to postgres://…`: moves a commune's database to PostgreSQL. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('store', USAGE, {
    args,
    options: { from: { type: 'string' }, to: { type: 'string' } },
    allowPositionals: true,
  });
  if (typeof parsed === 'number') return parsed;
  const { from, to } = parsed.values;
  if (
    parsed.positionals.join(' ') !== 'copy' ||
    !from?.startsWith('sqlite:') ||
    !/^postgres(ql)?:\/\//.test(to ?? '')
  ) {
    console.error(USAGE);
    return 1;
  }
  const target = to!;
  return withStore(
    'store copy',
    from.slice('sqlite:'.length),
    async (source) => {
      const pool = createPool({ url: target, poolSize: 1, statementTimeoutMs: 0 });
      try {
        const copied = await copySqliteToPg(source.db, pool);
        if (!copied.ok) {
          console.error(`store copy: nothing copied: ${problemText(copied.error)}`);
          return 1;
        }
        const total = copied.value.reduce((sum, t) => sum + t.rows, 0);
        console.log(`copied into ${redactUrl(target)} in one transaction; counts checked:`);
        for (const t of copied.value) console.log(`  ${t.table.padEnd(22)} ${t.rows}`);
        console.log(`${total} rows in ${copied.value.length} tables`);
        return 0;
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (typeof code !== 'string') throw err;
        console.error(`store copy: cannot copy into ${redactUrl(target)}: ${(err as Error).message} (${code})`);
        return 1;
      } finally {
        await pool.end();
      }
    },
    { mustExist: true },
  );
}

import type pg from 'pg';
import type { Result } from '../../tasks/index.js';
import type { Db } from '../sqlite.js';
import { migratePg } from './migrate.js';
import { inTransaction } from './pool.js';

/** The rows copied, table by table, each count read back from PostgreSQL before the commit. */
export type CopyReport = Array<{ table: string; rows: number }>;

/** Why nothing was copied. */
export type CopyProblem =
  | { code: 'target_not_empty'; tables: string[] }
  | { code: 'tables_differ'; onlyInSqlite: string[]; onlyInPostgres: string[] }
  | { code: 'columns_differ'; table: string; missing: string[] }
  | { code: 'count_mismatch'; table: string; sqlite: number; postgres: number };

/** The tables and columns of the target schema, with each column's type and whether it is an identity. */
type TargetColumn = { table_name: string; column_name: string; data_type: string; is_identity: 'YES' | 'NO' };

/** Most parameters one INSERT carries (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The source's tables, each after the tables its foreign keys point to (so parents are written first). */
function sqliteTables(db: Db): string[] {
  const names = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((r) => r.name);
  const parents = new Map(
    names.map((t) => [
      t,
      db
        .prepare<[string], { table: string }>('SELECT "table" FROM pragma_foreign_key_list(?)')
        .all(t)
        .map((r) => r.table)
        .filter((p) => p !== t),
    ]),
  );
  const ordered: string[] = [];
  const visit = (t: string) => {
    if (ordered.includes(t)) return;
    for (const p of parents.get(t) ?? []) visit(p);
    ordered.push(t);
  };
  names.forEach(visit);
  return ordered;
}

/** Thrown inside the transaction to roll it back with a problem to report. */
class Abort extends Error {
  constructor(readonly problem: CopyProblem) {
    super(problem.code);
  }
}

/**
 * Copies every row of every table of the SQLite store `source` into the PostgreSQL database of `pool` (migrated
 * first), in one transaction: refused when any target table has a row or the two schemas differ; identities moved
 * past the copied ids; each table's count read back and compared before the commit. The source is read in one
 * read transaction, so a running assistant's writes after that moment are not copied (stop it first).
 */
export async function copySqliteToPg(source: Db, pool: pg.Pool): Promise<Result<CopyReport, CopyProblem>> {
  await migratePg(pool);
  const tables = sqliteTables(source);
  const columns = (
    await pool.query<TargetColumn>(
      `SELECT c.table_name, c.column_name, c.data_type, c.is_identity FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schema_migrations'
     ORDER BY c.table_name, c.ordinal_position`,
    )
  ).rows;
  const targetTables = [...new Set(columns.map((c) => c.table_name))];
  const onlyInSqlite = tables.filter((t) => !targetTables.includes(t));
  const onlyInPostgres = targetTables.filter((t) => !tables.includes(t));
  if (onlyInSqlite.length > 0 || onlyInPostgres.length > 0) {
    return { ok: false, error: { code: 'tables_differ', onlyInSqlite, onlyInPostgres } };
  }
  const snapshot = source.transaction(() =>
    tables.map((table) => ({
      table,
      rows: source.prepare(`SELECT * FROM ${quote(table)} ORDER BY rowid`).all() as Record<string, unknown>[],
    })),
  )();
  try {
    const report = await inTransaction(pool, async (c) => {
      const filled: string[] = [];
      for (const t of tables) {
        const { rows } = await c.query(`SELECT 1 FROM ${quote(t)} LIMIT 1`);
        if (rows.length > 0) filled.push(t);
      }
      if (filled.length > 0) throw new Abort({ code: 'target_not_empty', tables: filled.sort() });
      const copied: CopyReport = [];
      for (const { table, rows } of snapshot) {
        await insertRows(
          c,
          table,
          rows,
          columns.filter((col) => col.table_name === table),
        );
        const { rows: counted } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
        const n = counted[0]!.n;
        if (n !== rows.length) throw new Abort({ code: 'count_mismatch', table, sqlite: rows.length, postgres: n });
        copied.push({ table, rows: n });
      }
      return copied;
    });
    return { ok: true, value: report };
  } catch (err) {
    if (err instanceof Abort) return { ok: false, error: err.problem };
    throw err;
  }
}

/** Inserts `rows` (as SQLite gave them) in batches, 0/1 turned into booleans, then moves identities past them. */
async function insertRows(
  c: pg.PoolClient,
  table: string,
  rows: Record<string, unknown>[],
  target: TargetColumn[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(rows[0]!);
  const missing = names.filter((n) => !target.some((col) => col.column_name === n));
  if (missing.length > 0) throw new Abort({ code: 'columns_differ', table, missing });
  const boolean = new Set(target.filter((col) => col.data_type === 'boolean').map((col) => col.column_name));
  const value = (row: Record<string, unknown>, name: string) =>
    boolean.has(name) && row[name] !== null ? row[name] === 1 : row[name];
  const perBatch = Math.max(1, Math.floor(MAX_PARAMS / names.length));
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const tuples = batch.map((_, i) => `(${names.map((__, j) => `$${i * names.length + j + 1}`).join(', ')})`);
    await c.query(
      `INSERT INTO ${quote(table)} (${names.map(quote).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`,
      batch.flatMap((row) => names.map((n) => value(row, n))),
    );
  }
  for (const col of target.filter((x) => x.is_identity === 'YES')) {
    await c.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), MAX(${quote(col.column_name)})) FROM ${quote(table)}`,
      [quote(table), col.column_name],
    );
  }
}

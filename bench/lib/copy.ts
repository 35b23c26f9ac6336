/**
 * Raw COPY, the baseline of the load scenarios: CSV into a table, a database's tables into another,
 * and which tables a load filled.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db } from '../../apps/server/src/db/client.ts';

/** Raw COPY ... FROM of CSV text: pg-copy-streams on PostgreSQL, a blob on PGlite. */
export async function copyCsv(db: Db, table: string, columns: string[], csv: string): Promise<void> {
  const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  if (db.pglite) {
    await db.pglite.query(statement.replace('STDIN', "'/dev/blob'"), [], { blob: new Blob([csv]) });
    return;
  }
  const client = await db.pool!.connect();
  try {
    await pipeline(Readable.from([csv]), client.query(copyFrom(statement)));
  } finally {
    client.release();
  }
}

export function csvField(v: string | number | Date): string {
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * COPY each table from one database into another of the same kind (PostgreSQL: COPY TO STDOUT piped
 * into COPY FROM STDIN; PGlite: through a blob). Returns the ms each table took.
 */
export async function copyTables(from: Db, to: Db, tables: string[]): Promise<Map<string, number>> {
  const ms = new Map<string, number>();
  const src = await from.pool?.connect();
  const dst = await to.pool?.connect();
  try {
    for (const t of tables) {
      const t0 = performance.now();
      if (src && dst) {
        await pipeline(src.query(copyTo(`COPY "${t}" TO STDOUT`)), dst.query(copyFrom(`COPY "${t}" FROM STDIN`)));
      } else {
        const out = await from.pglite!.query(`COPY "${t}" TO '/dev/blob'`);
        await to.pglite!.query(`COPY "${t}" FROM '/dev/blob'`, [], { blob: out.blob! });
      }
      ms.set(t, performance.now() - t0);
    }
  } finally {
    src?.release();
    dst?.release();
  }
  return ms;
}

/** The tables of the public schema that hold rows, parents before children (foreign keys): what to COPY. */
export async function tablesWithRows(db: Db): Promise<string[]> {
  const { rows: tables } = await db.raw.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'kysely%' order by 1`,
  );
  const { rows: edges } = await db.raw.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const order: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (order.includes(t) || path.includes(t)) return;
    for (const e of edges) if (e.child === t) visit(e.parent, [...path, t]);
    order.push(t);
  };
  for (const t of tables) visit(t.name, []);
  const filled: string[] = [];
  for (const t of order) {
    const { rows } = await db.raw.query<{ e: boolean }>(`select exists (select 1 from "${t}") as e`);
    if (rows[0]?.e) filled.push(t);
  }
  return filled;
}

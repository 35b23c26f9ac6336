/**
 * Throwaway databases for the benchmarks: a fresh PostgreSQL database per use (created here,
 * dropped after, like apps/server/test/database.ts) or a fresh PGlite, both migrated; plus the
 * raw COPY paths the baselines use.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { KyselyPlugin, QueryId } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase, type Db } from '../../apps/server/src/db/client.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';

export interface BenchDb {
  db: Db;
  /** PostgreSQL: URL of the fresh database (pg-boss needs it). */
  url: string | undefined;
  label: string;
  cleanup(): Promise<void>;
}

/** Cleanups still pending, run on Ctrl-C so no wangge_bench_* database is left behind. */
export const pendingCleanups = new Set<() => Promise<void>>();

function tracked(b: Omit<BenchDb, 'cleanup'>, cleanup: () => Promise<void>): BenchDb {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    pendingCleanups.delete(once);
    await cleanup();
  };
  pendingCleanups.add(once);
  return { ...b, cleanup: once };
}

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The server's version string, or null when it cannot be reached. */
export async function postgresVersion(adminUrl: string): Promise<string | null> {
  try {
    return await admin(
      adminUrl,
      async (c) => (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v,
    );
  } catch {
    return null;
  }
}

export async function freshPostgres(adminUrl: string): Promise<BenchDb> {
  const name = `wangge_bench_${randomBytes(5).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', poolMax: 10 });
  const b = tracked({ db, url: url.toString(), label: 'PostgreSQL' }, async () => {
    await db.close();
    await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  });
  return migrated(b);
}

/** Migrates after the cleanup is registered, so a failing migration leaves nothing behind. */
async function migrated(b: BenchDb): Promise<BenchDb> {
  try {
    await migrateToLatest(b.db);
    return b;
  } catch (err) {
    await b.cleanup();
    throw err;
  }
}

/** PGlite on disk in a temp directory, as the embedded server runs it (not in memory). */
export async function freshPglite(): Promise<BenchDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wangge-bench-'));
  const db = await openDatabase({ dataDir: dir });
  const b = tracked({ db, url: undefined, label: 'PGlite' }, async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return migrated(b);
}

/** The databases a scenario runs on: PostgreSQL when reachable, and PGlite. */
export async function* databases(pgUrl: string | null): AsyncGenerator<BenchDb> {
  if (pgUrl) yield await freshPostgres(pgUrl);
  yield await freshPglite();
}

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
 * The same Db, adding up the time spent in the database: Kysely statements (from build to result)
 * and raw queries and COPYs. Sequential callers (the seed) make this wall time inside the database
 * calls, round trips included; the rest of their time is JavaScript.
 */
export function withStatementTimer(db: Db): { db: Db; seconds: () => number } {
  const started = new WeakMap<QueryId, number>();
  let total = 0;
  const plugin: KyselyPlugin = {
    transformQuery: ({ queryId, node }) => {
      started.set(queryId, performance.now());
      return node;
    },
    transformResult: async ({ queryId, result }) => {
      total += performance.now() - (started.get(queryId) ?? performance.now());
      return result;
    },
  };
  const time = async <T>(p: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await p();
    } finally {
      total += performance.now() - t0;
    }
  };
  const raw: Db['raw'] = {
    ...db.raw,
    query: (text, values) => time(() => db.raw.query(text, values)),
    exec: (script) => time(() => db.raw.exec(script)),
    copyCsv: (table, columns, csv) => time(() => db.raw.copyCsv(table, columns, csv)),
  };
  return { db: { ...db, db: db.db.withPlugin(plugin), raw }, seconds: () => total / 1000 };
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

/**
 * Throwaway databases for the benchmarks: a fresh PostgreSQL database per use (created here,
 * dropped after, like apps/server/test/database.ts) or a fresh PGlite, both migrated.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../apps/server/src/db/client.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';

export interface BenchDb {
  db: Db;
  /** PostgreSQL: URL of the fresh database (pg-boss needs it). */
  url: string | undefined;
  label: string;
  cleanup(): Promise<void>;
  /**
   * PostgreSQL only: instead of dropping it at cleanup, keep it until the end of the run as the
   * template later scenarios clone (CREATE DATABASE … TEMPLATE) to get the demo county at `scale`.
   */
  keepAsDemo?(scale: number): Promise<void>;
}

/** Cleanups still pending, run after each scenario and on Ctrl-C, so no wangge_bench_* database is left behind. */
export const pendingCleanups = new Set<() => Promise<void>>();
/** Cleanups for the end of the run (and Ctrl-C): the kept demo databases. */
export const runCleanups = new Set<() => Promise<void>>();
const demoTemplates = new Map<number, string>();

/** A kept database with the demo county at this scale, if an earlier scenario of this run loaded one. */
export const demoTemplate = (scale: number): string | undefined => demoTemplates.get(scale);

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

/**
 * The server's version with the settings that size its memory and checkpoints (default, or
 * scripts/postgresql/wangge.conf), or null when it cannot be reached.
 */
export async function postgresVersion(adminUrl: string): Promise<string | null> {
  const settings = ['shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'synchronous_commit'];
  try {
    return await admin(adminUrl, async (c) => {
      const shown = settings.map((s) => `current_setting('${s}') as ${s}`).join(', ');
      const row = (await c.query<Record<string, string>>(`select current_setting('server_version') as v, ${shown}`)).rows[0]!;
      return `${row.v} (${settings.map((s) => `${s} ${row[s]}`).join(', ')})`;
    });
  } catch {
    return null;
  }
}

/** A fresh database, empty and migrated, or a copy of `template` (a kept demo database). */
export async function freshPostgres(adminUrl: string, template?: string): Promise<BenchDb> {
  const name = `wangge_bench_${randomBytes(5).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', poolMax: 10 });
  const drop = () => admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  let kept = false;
  const b: BenchDb = tracked({ db, url: url.toString(), label: 'PostgreSQL' }, async () => {
    if (kept) return;
    await db.close();
    await drop();
  });
  b.keepAsDemo = async (scale) => {
    if (demoTemplates.has(scale)) return;
    kept = true;
    await db.close(); // a template must have no connections
    demoTemplates.set(scale, name);
    runCleanups.add(async () => {
      demoTemplates.delete(scale);
      await drop();
    });
  };
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

// The COPY helpers and the statement timer live in copy.ts and recorder.ts; re-exported for the
// scenarios that import them from here.
export { copyCsv, copyTables, csvField, tablesWithRows } from './copy.ts';
export { withStatementTimer } from './recorder.ts';

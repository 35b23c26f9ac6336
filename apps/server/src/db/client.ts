/**
 * The database: PGlite (embedded, default) or a PostgreSQL server (DATABASE_URL), behind one
 * Kysely instance. Both speak the same SQL; code above this file never asks which one it has,
 * except the few places (bulk COPY, pg-boss wiring) that go through `raw`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect } from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Mutex, SerializedPGliteDialect } from './pglite-serialized.ts';
import type { Database } from './types.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Plain SQL for what Kysely does not cover: pg-boss's adapter, bulk loads, multi-statement scripts. */
export interface RawSql {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  /** Several statements, no parameters. */
  exec(script: string): Promise<void>;
  /** `COPY <table> (<columns>) FROM` with CSV text: the fast path for bulk loads. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * One transaction on one connection, for bulk writes that mix COPY with statements (a Kysely
   * transaction cannot COPY): committed when `fn` resolves, rolled back when it throws.
   */
  transaction<T>(fn: (c: RawClient) => Promise<T>): Promise<T>;
}

/** What a raw transaction can send. */
export type RawClient = Pick<RawSql, 'query' | 'copyCsv'>;

export interface Db {
  kind: DatabaseKind;
  db: Kysely<Database>;
  raw: RawSql;
  /** Only for PGlite: the instance, for COPY from a blob. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  poolMax?: number;
  /** For PostgreSQL: the schema to use (tests give each file its own). */
  searchPath?: string;
}

// Same JS types from both drivers: int8 and numeric as numbers, date as 'YYYY-MM-DD' text.
const toNumber = (v: string) => Number(v);
const asText = (v: string) => v;

export async function openDatabase(opts: DbOptions): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts);
}

async function openPglite(opts: DbOptions): Promise<Db> {
  let dataDir: string | undefined;
  if (opts.dataDir !== 'memory://') {
    dataDir = path.join(opts.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { ltree, pg_trgm, btree_gist },
    parsers: {
      [pgliteTypes.INT8]: toNumber,
      [pgliteTypes.NUMERIC]: toNumber,
      [pgliteTypes.DATE]: asText,
    },
  });
  const mutex = new Mutex();
  const db = new Kysely<Database>({ dialect: new SerializedPGliteDialect(pglite, mutex) });
  const raw: RawSql = {
    query: (text, values) =>
      mutex.run(async () => {
        const res = await pglite.query(text, values ?? [], { rowMode: 'object' });
        return { rows: res.rows as never[] };
      }),
    exec: (script) =>
      mutex.run(async () => {
        await pglite.exec(script);
      }),
    copyCsv: (table, columns, csv) =>
      mutex.run(async () => {
        await pglite.query(copyFromBlob(table, columns), [], { blob: new Blob([csv]) });
      }),
    transaction: (fn) =>
      mutex.run(() =>
        pglite.transaction((tx) =>
          fn({
            query: async (text, values) => ({
              rows: (await tx.query(text, values ?? [], { rowMode: 'object' })).rows as never[],
            }),
            copyCsv: async (table, columns, csv) => {
              await tx.query(copyFromBlob(table, columns), [], { blob: new Blob([csv]) });
            },
          }),
        ),
      ),
  };
  return {
    kind: 'pglite',
    db,
    raw,
    pglite,
    close: async () => {
      await db.destroy();
    },
  };
}

/** COPY's statement: from PGlite's blob, or from the client's stream on a server. */
const copySql = (table: string, columns: readonly string[], source: 'stdin' | "'/dev/blob'") =>
  `copy ${table} (${columns.join(', ')}) from ${source} with (format csv)`;
const copyFromBlob = (table: string, columns: readonly string[]) => copySql(table, columns, "'/dev/blob'");

async function copyOn(client: pg.PoolClient, table: string, columns: readonly string[], csv: string): Promise<void> {
  const stream = client.query(copyFrom(copySql(table, columns, 'stdin')));
  await pipeline(Readable.from([csv]), stream);
}

async function openPostgres(url: string, opts: DbOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath},public` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === 20 || oid === 1700) return toNumber;
        if (oid === 1082) return asText;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const raw: RawSql = {
    query: async (text, values) => {
      const res = await pool.query(text, values);
      return { rows: res.rows };
    },
    exec: async (script) => {
      await pool.query(script);
    },
    copyCsv: async (table, columns, csv) => {
      const client = await pool.connect();
      try {
        await copyOn(client, table, columns, csv);
      } finally {
        client.release();
      }
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken: unknown = undefined;
      try {
        await client.query('begin');
        const result = await fn({
          query: async (text, values) => ({ rows: (await client.query(text, values)).rows }),
          copyCsv: (table, columns, csv) => copyOn(client, table, columns, csv),
        });
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch((e: unknown) => (broken = e));
        throw err;
      } finally {
        // A connection whose rollback failed is in an unknown state: the pool drops it.
        client.release(broken as Error | undefined);
      }
    },
  };
  return {
    kind: 'postgres',
    db,
    raw,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * Instrumentation of what goes to the database: record the SQL a route sends (so a baseline can
 * replay exactly those statements), or add up the time spent in database calls.
 */
import type { KyselyPlugin, QueryId } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../apps/server/src/db/client.ts';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Records the SQL statements sent through a PostgreSQL pool while `on` is set, so a baseline can
 * replay exactly what a route sent (the route's own SQL, whatever the server's code makes of it).
 */
export function statementRecorder(pool: pg.Pool): { on: boolean; take(): Statement[] } {
  const state = { on: false, seen: [] as Statement[] };
  const wrapped = new WeakSet<pg.PoolClient>();
  const wrap = (client: pg.PoolClient | undefined) => {
    if (!client || wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (state.on && typeof text === 'string') state.seen.push({ text, values: Array.isArray(values) ? values : [] });
      return query(...args);
    };
  };
  // pool.connect() (Kysely) returns a promise; pool.query() calls pool.connect(callback).
  type Callback = (err: Error | undefined, client: pg.PoolClient | undefined, done: unknown) => void;
  const connect = pool.connect.bind(pool) as (cb?: Callback) => Promise<pg.PoolClient> | undefined;
  (pool as { connect: unknown }).connect = (cb?: Callback) =>
    cb
      ? connect((err, client, done) => {
          wrap(client);
          cb(err, client, done);
        })
      : connect()!.then((client) => {
          wrap(client);
          return client;
        });
  return {
    get on() {
      return state.on;
    },
    set on(v: boolean) {
      state.on = v;
    },
    take() {
      const out = state.seen;
      state.seen = [];
      return out;
    },
  };
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

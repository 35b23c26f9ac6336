/**
 * Records the SQL a route sends, so a baseline can replay exactly those statements on the pool.
 */
import type pg from 'pg';

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

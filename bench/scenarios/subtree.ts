/**
 * subtree: paging through everything under the largest township of the demo county,
 * GET /api/v1/units?within=<township>&limit=50&offset=<random page>, one request at a time
 * (app.inject, no sockets), beside the same page as raw SQL on the pool and a bare Fastify route.
 * Default scale 0.2 (labelled); --full: scale 1, where the target p95 ≤ 10 ms applies.
 */
import { sql } from 'kysely';
import { Random } from '../../apps/server/src/modules/demo/random.ts';
import { freshPostgres } from '../lib/db.ts';
import { bareApp, percentile, sample } from '../lib/measure.ts';
import { benchRuntime } from '../lib/runtime.ts';
import { row, type Row, type Scenario } from '../lib/types.ts';

const REQUESTS = 500;
const WARMUP = 50;
const MAX_SECONDS = 30;
const LIMIT = 50;
const TARGET_MS = 10;
const DETAIL_REQUESTS = 30;
const DETAIL_SECONDS = 20;

function ok(res: { statusCode: number; body: string }) {
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 200)}`);
}

/** The statements UnitsRepo.list sends for `within` (page and total, in parallel), written out by hand. */
const PAGE_SQL = `
  select u.id, u.code, u.name, u.kind, u.level, u.parent_id, u.path, u.status, u.child_seq, u.version,
    u.created_at, u.updated_at, u.retired_at, u.geometry is not null as has_geometry,
    (select count(*) from unit c where c.parent_id = u.id and c.status = 'active') as child_count
  from unit u where u.path <@ $1::ltree and u.id != $2 and u.status = 'active'
  order by u.level, u.code limit $3 offset $4`;
const COUNT_SQL = `select count(*) as n from unit u where u.path <@ $1::ltree and u.id != $2 and u.status = 'active'`;

export const subtree: Scenario = {
  name: 'subtree',
  description: 'GET /api/v1/units?within=<township> at random pages (PostgreSQL) vs raw SQL and a bare route',
  async run(ctx) {
    if (!ctx.pgUrl) return [];
    const scale = ctx.full ? 1 : 0.2;
    const b = await freshPostgres(ctx.pgUrl);
    const bare = await bareApp();
    try {
      ctx.log(`PostgreSQL: server with the demo county at scale ${scale}`);
      const { runtime } = await benchRuntime(b, scale);
      try {
        const db = runtime.db;
        const { rows: top } = await db.raw.query<{ id: number; path: string; n: number }>(
          `select t.id, t.path::text as path, (select count(*) from unit d where d.path <@ t.path and d.id <> t.id and d.status = 'active')::int as n
           from unit t where t.kind = 'township' order by n desc limit 1`,
        );
        const township = top[0]!;
        const pages = Math.ceil(township.n / LIMIT);
        const r = new Random(11);
        const offsets = Array.from({ length: REQUESTS + WARMUP }, () => r.int(0, pages - 1) * LIMIT);
        ctx.log(`township ${township.id}: ${township.n} units below, ${pages} pages; ${REQUESTS} requests`);

        const url = (i: number) => `/api/v1/units?within=${township.id}&limit=${LIMIT}&offset=${offsets[i]}`;
        const page = await sample(
          {
            api: async (i) => ok(await runtime.app.inject({ method: 'GET', url: url(i) })),
            sql: (i) =>
              Promise.all([
                db.raw.query(PAGE_SQL, [township.path, township.id, LIMIT, offsets[i]]),
                db.raw.query(COUNT_SQL, [township.path, township.id]),
              ]),
            bare: () => bare.inject({ method: 'GET', url: '/bare' }),
          },
          REQUESTS,
          WARMUP,
          MAX_SECONDS,
        );
        // The detail of a grid rolls up sizing facts (households, representatives) over its subtree.
        const grids = await db.db
          .selectFrom('unit')
          .select('id')
          .where('kind', '=', 'grid')
          .where(sql<boolean>`path <@ ${township.path}::ltree`)
          .execute();
        ctx.log(`GET /api/v1/units/:id of ${grids.length} grids, up to ${DETAIL_REQUESTS} requests or ${DETAIL_SECONDS} s`);
        const detail = await sample(
          {
            api: async (i) =>
              ok(await runtime.app.inject({ method: 'GET', url: `/api/v1/units/${grids[i % grids.length]!.id}` })),
            bare: () => bare.inject({ method: 'GET', url: '/bare' }),
          },
          DETAIL_REQUESTS,
          2,
          DETAIL_SECONDS,
        );

        const label = `PostgreSQL, scale ${scale}: units within a township (${township.n.toLocaleString('en-US')} units), random page`;
        const p95 = percentile(page.api, 95);
        const target = {
          text: `p95 ≤ ${TARGET_MS} ms${ctx.full ? '' : ' at scale 1 (--full)'}`,
          pass: ctx.full ? p95 <= TARGET_MS : null,
        };
        const bareP95 = { label: 'bare Fastify route (inject)', value: percentile(page.bare, 95) };
        const rawSql = 'raw SQL, same page + count';
        const rows: Row[] = [
          row(`${label}, p50`, percentile(page.api, 50), 'ms', { label: rawSql, value: percentile(page.sql, 50) }),
          row(`${label}, p95`, p95, 'ms', { label: rawSql, value: percentile(page.sql, 95) }, target),
          row(`${label}, p95`, p95, 'ms', bareP95),
          row(
            `PostgreSQL, scale ${scale}: GET /api/v1/units/:id of a grid (sizing roll-up), p50 of ${detail.api.length}`,
            percentile(detail.api, 50),
            'ms',
            {
              label: 'bare Fastify route (inject)',
              value: percentile(detail.bare, 50),
            },
          ),
        ];
        return rows;
      } finally {
        await runtime.close();
      }
    } finally {
      await bare.close();
      await b.cleanup();
    }
  },
};

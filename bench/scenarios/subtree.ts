/**
 * subtree: paging through everything under the largest township of the demo county,
 * GET /api/v1/units?within=<township>&limit=50&offset=<random page> as a signed-in county leader,
 * one request at a time (app.inject, no sockets), beside
 *  - raw SQL: the page and total statements that very request sent, replayed on the pool, and
 *  - a bare Fastify route (inject),
 * interleaved request by request. Also the detail of a grid (GET /api/v1/units/:id), which rolls
 * up sizing facts over the grid's subtree. Default scale 0.2 (labelled); --full: scale 1, where
 * the target p95 ≤ 10 ms applies.
 */
import { sql } from 'kysely';
import { Random } from '../../apps/server/src/modules/demo/random.ts';
import { demoTemplate, freshPostgres } from '../lib/db.ts';
import { bareApp, percentile, sample } from '../lib/measure.ts';
import { statementRecorder, type Statement } from '../lib/recorder.ts';
import { benchRuntime, signIn } from '../lib/runtime.ts';
import { row, type Scenario } from '../lib/types.ts';

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

/** The listing's own statements (page and total) among those a request sent: the ones over `unit as u`. */
const isListing = (s: Statement) => /from "unit" as "u"/.test(s.text);

export const subtree: Scenario = {
  name: 'subtree',
  description: 'GET /api/v1/units?within=<township> at random pages (PostgreSQL) vs its raw SQL and a bare route',
  async run(ctx) {
    if (!ctx.pgUrl) return [];
    const scale = ctx.full ? 1 : 0.2;
    // A copy of the demo database demo-load kept, when it loaded this scale earlier in the run.
    const template = demoTemplate(scale);
    const b = await freshPostgres(ctx.pgUrl, template);
    const bare = await bareApp();
    try {
      ctx.log(`PostgreSQL: server with the demo county at scale ${scale}${template ? ` (copied from ${template})` : ''}`);
      const runtime = await benchRuntime(b, template ? null : scale);
      try {
        const db = runtime.db;
        // Steady state: autovacuum has visited the unit table since the load (the listing is index-only).
        await sql`vacuum analyze unit`.execute(db.db);
        const headers = await signIn(runtime);
        const { rows: top } = await db.raw.query<{ id: number; path: string; n: number }>(
          `select t.id, t.path::text as path, (select count(*) from unit d where d.path <@ t.path and d.id <> t.id and d.status = 'active')::int as n
           from unit t where t.kind = 'township' order by n desc limit 1`,
        );
        const township = top[0]!;
        const pages = Math.ceil(township.n / LIMIT);
        const r = new Random(11);
        const offsets = Array.from({ length: REQUESTS + WARMUP }, () => r.int(0, pages - 1) * LIMIT);
        ctx.log(`township ${township.id}: ${township.n} units below, ${pages} pages; ${REQUESTS} requests`);

        const recorder = statementRecorder(db.pool!);
        let listing: Statement[] = [];
        let sent = 0;
        const page = await sample(
          {
            api: async (i) => {
              recorder.on = true;
              const url = `/api/v1/units?within=${township.id}&limit=${LIMIT}&offset=${offsets[i]}`;
              ok(await runtime.app.inject({ method: 'GET', url, headers }));
              recorder.on = false;
              const all = recorder.take();
              sent = all.length;
              listing = all.filter(isListing);
              if (listing.length === 0)
                throw new Error(`no listing statement among ${all.map((s) => s.text.slice(0, 60)).join(' | ')}`);
            },
            // The repository sends page and total in parallel; so does the replay.
            sql: () => Promise.all(listing.map((s) => db.pool!.query(s.text, s.values))),
            bare: () => bare.inject({ method: 'GET', url: '/bare' }),
          },
          REQUESTS,
          WARMUP,
          MAX_SECONDS,
        );
        ctx.log(`each request sent ${sent} statements, ${listing.length} of them the listing itself`);

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
              ok(await runtime.app.inject({ method: 'GET', url: `/api/v1/units/${grids[i % grids.length]!.id}`, headers })),
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
        const rawSql = 'its page + total SQL, replayed';
        const bareRoute = 'bare Fastify route (inject)';
        return [
          row(`${label}, p50`, percentile(page.api, 50), 'ms', { label: rawSql, value: percentile(page.sql, 50) }),
          row(`${label}, p95`, p95, 'ms', { label: rawSql, value: percentile(page.sql, 95) }, target),
          row(`${label}, p95`, p95, 'ms', { label: bareRoute, value: percentile(page.bare, 95) }),
          row(
            `PostgreSQL, scale ${scale}: GET /api/v1/units/:id of a grid, p50 of ${detail.api.length}`,
            percentile(detail.api, 50),
            'ms',
            {
              label: bareRoute,
              value: percentile(detail.bare, 50),
            },
          ),
        ];
      } finally {
        await runtime.close();
      }
    } finally {
      await bare.close();
      await b.cleanup();
    }
  },
};

/**
 * route: HTTP throughput and p99 latency of the project app (GET /healthz, and GET /api/v1/units/:id,
 * a real route reading the database) beside a bare Fastify route { ok: true } in the same process.
 * autocannon, 10 connections, 5 s each, on 127.0.0.1; the bare route runs before and after the others.
 */
import { databases } from '../lib/db.ts';
import { bareApp, load, type LoadResult } from '../lib/measure.ts';
import { benchRuntime, signIn } from '../lib/runtime.ts';
import { row, type Ctx, type Scenario } from '../lib/types.ts';

const SECONDS = 5;
const CONNECTIONS = 10;
const DEMO_SCALE = 0.02;
const LOAD = { seconds: SECONDS, connections: CONNECTIONS };

function check(what: string, r: LoadResult): LoadResult {
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`${what}: ${r.errors} errors, ${r.non2xx} non-2xx responses`);
  return r;
}

export const route: Scenario = {
  name: 'route',
  description: `autocannon ${SECONDS} s × ${CONNECTIONS} connections: /healthz and /api/v1/units/:id vs a bare Fastify route`,
  async run(ctx: Ctx) {
    const bare = await bareApp();
    const bareRuns: LoadResult[] = [];
    const measured: [string, LoadResult][] = [];
    try {
      ctx.log(`bare Fastify route, ${SECONDS} s`);
      bareRuns.push(check('bare', await load(bare, ['/bare'], LOAD)));
      for await (const b of databases(ctx.pgUrl)) {
        try {
          ctx.log(`${b.label}: server with the demo county at scale ${DEMO_SCALE}`);
          const runtime = await benchRuntime(b, DEMO_SCALE);
          const headers = await signIn(runtime);
          try {
            if (measured.length === 0) {
              ctx.log(`/healthz, ${SECONDS} s`);
              measured.push(['GET /healthz (project app)', check('/healthz', await load(runtime.app, ['/healthz'], LOAD))]);
            }
            const grids = await runtime.db.db.selectFrom('unit').select('id').where('kind', '=', 'grid').orderBy('id').execute();
            const paths = grids.map((g) => `/api/v1/units/${g.id}`);
            ctx.log(`${b.label}: /api/v1/units/:id over ${paths.length} grids, ${SECONDS} s`);
            measured.push([
              `${b.label}: GET /api/v1/units/:id (a grid)`,
              check('/api/v1/units/:id', await load(runtime.app, paths, { ...LOAD, headers })),
            ]);
          } finally {
            await runtime.close();
          }
        } finally {
          await b.cleanup();
        }
      }
      // The baseline brackets the measured runs: the mean of a run before and a run after them.
      ctx.log(`bare Fastify route again, ${SECONDS} s`);
      bareRuns.push(check('bare', await load(bare, ['/bare'], LOAD)));
    } finally {
      await bare.close();
    }
    const mean = (f: (r: LoadResult) => number) => bareRuns.reduce((a, r) => a + f(r), 0) / bareRuns.length;
    const baseline = { rps: mean((r) => r.rps), p99: mean((r) => r.p99) };
    return measured.flatMap(([figure, r]) => [
      row(`${figure}: throughput`, r.rps, 'req/s', { label: 'bare Fastify route', value: baseline.rps }),
      row(`${figure}: p99 latency`, r.p99, 'ms', { label: 'bare Fastify route', value: baseline.p99 }),
    ]);
  },
};

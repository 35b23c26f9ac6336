/**
 * route: HTTP throughput and p99 latency of the project app (GET /healthz, and GET /api/v1/units/:id,
 * a real route reading the database, as a signed-in county leader) beside a bare Fastify route
 * { ok: true } in the same process. autocannon, 10 connections, 5 s each on 127.0.0.1, run as five
 * 1-s chunks alternating with the bare route's chunks.
 */
import { databases } from '../lib/db.ts';
import { bareApp, loadPair, type LoadResult } from '../lib/measure.ts';
import { benchRuntime, signIn } from '../lib/runtime.ts';
import { row, type Ctx, type Row, type Scenario } from '../lib/types.ts';

const SECONDS = 5;
const CONNECTIONS = 10;
const DEMO_SCALE = 0.02;
const LOAD = { seconds: SECONDS, connections: CONNECTIONS, chunks: 5 };

function rows(figure: string, [r, bare]: [LoadResult, LoadResult]): Row[] {
  for (const [what, x] of [
    [figure, r],
    ['bare route', bare],
  ] as const) {
    if (x.errors > 0 || x.non2xx > 0) throw new Error(`${what}: ${x.errors} errors, ${x.non2xx} non-2xx responses`);
  }
  const baseline = 'bare Fastify route, alternating';
  return [
    row(`${figure}: throughput`, r.rps, 'req/s', { label: baseline, value: bare.rps }),
    row(`${figure}: p99 latency`, r.p99, 'ms', { label: baseline, value: bare.p99 }),
  ];
}

export const route: Scenario = {
  name: 'route',
  description: `autocannon ${SECONDS} s × ${CONNECTIONS} connections: /healthz and /api/v1/units/:id vs a bare Fastify route`,
  async run(ctx: Ctx) {
    const bare = { app: await bareApp(), paths: ['/bare'] };
    const out: Row[] = [];
    try {
      for await (const b of databases(ctx.pgUrl)) {
        try {
          ctx.log(`${b.label}: server with the demo county at scale ${DEMO_SCALE}`);
          const runtime = await benchRuntime(b, DEMO_SCALE);
          try {
            if (out.length === 0) {
              ctx.log(`/healthz and the bare route, ${SECONDS} s each`);
              out.push(
                ...rows('GET /healthz (project app)', await loadPair({ app: runtime.app, paths: ['/healthz'] }, bare, LOAD)),
              );
            }
            const headers = await signIn(runtime);
            const grids = await runtime.db.db.selectFrom('unit').select('id').where('kind', '=', 'grid').orderBy('id').execute();
            const paths = grids.map((g) => `/api/v1/units/${g.id}`);
            ctx.log(`${b.label}: /api/v1/units/:id over ${paths.length} grids and the bare route, ${SECONDS} s each`);
            const pair = await loadPair({ app: runtime.app, paths, headers }, bare, LOAD);
            out.push(...rows(`${b.label}: GET /api/v1/units/:id (a grid)`, pair));
          } finally {
            await runtime.close();
          }
        } finally {
          await b.cleanup();
        }
      }
    } finally {
      await bare.app.close();
    }
    return out;
  },
};

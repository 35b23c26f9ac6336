/**
 * Timing helpers: wall-clock timing, percentiles, bounded latency sampling, and HTTP load with
 * autocannon on 127.0.0.1 (random port, bounded duration).
 */
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

/** Nearest-rank percentile of samples (ms); p in 0..100. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * Runs each of `fns` (i) in turn, one call at a time, interleaved (a, b, c, a, b, c, …) so that a noisy
 * moment hits all of them alike: `count` rounds after `warmup` rounds, stopping early after
 * `maxSeconds`. Returns each call's latency in ms, per name.
 */
export async function sample<K extends string>(
  fns: Record<K, (i: number) => Promise<unknown>>,
  count: number,
  warmup: number,
  maxSeconds: number,
): Promise<Record<K, number[]>> {
  const names = Object.keys(fns) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const until = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < warmup + count && performance.now() < until; i++) {
    for (const n of names) {
      const t0 = performance.now();
      await fns[n](i);
      if (i >= warmup) out[n].push(performance.now() - t0);
    }
  }
  return out;
}

/** A bare Fastify instance with one route answering { ok: true }: the HTTP baseline. */
export async function bareApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true }));
  await app.ready();
  return app;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * autocannon against an app listening on 127.0.0.1 at a random port. `paths` rotate across
 * requests (one per request, in order), so a route can be hit with many ids.
 */
export async function load(
  app: FastifyInstance,
  paths: string[],
  opts: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  // Left listening: the caller's app.close() (or runtime.close()) stops it.
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: opts.connections,
    duration: opts.seconds,
    ...(opts.headers ? { headers: opts.headers } : {}),
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

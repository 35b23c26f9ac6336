/**
 * Timing helpers: wall-clock timing, percentiles, bounded latency sampling, and HTTP load with
 * autocannon on 127.0.0.1 (random port, bounded duration), each interleaved with its baseline.
 */
import { Worker } from 'node:worker_threads';
import type autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { LoadJob, Requests } from './load-worker.ts';
import type { PacedChunk, PacedJob, PacedResult } from './paced-worker.ts';

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

/**
 * A bare Fastify instance with one route answering { ok: true }: the HTTP baseline. With `insert`,
 * also `POST /bare/insert`: the JSON body stored by one parameterised INSERT into `insert.table`
 * (columns `title text, body jsonb`) on that pool, answering 201 with the new id: the write baseline.
 */
export async function bareApp(insert?: { pool: pg.Pool; table: string }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true }));
  if (insert) {
    const text = `insert into ${insert.table} (title, body) values ($1, $2) returning id`;
    app.post('/bare/insert', async (req, reply) => {
      const body = req.body as { title?: string };
      const r = await insert.pool.query<{ id: number }>(text, [body.title ?? '', JSON.stringify(body)]);
      return reply.status(201).send({ id: r.rows[0]!.id });
    });
  }
  await app.ready();
  return app;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** 2xx responses received. */
  ok: number;
  /** Seconds of load, all chunks together. */
  seconds: number;
  /** Throughput of each chunk, in order (loadPair alternates the chunks of a pair). */
  chunkRps: number[];
}

export interface Target {
  app: FastifyInstance;
  /** Rotated across requests (one per request, in order), so a route can be hit with many ids. */
  paths: string[];
  headers?: Record<string, string>;
  /** For write routes: method and body of every request (a function: the body of the i-th request). */
  method?: 'POST' | 'PUT' | 'PATCH';
  body?: string | ((i: number) => string);
}

/** Bodies made ahead for one run: enough for this many requests a second (then they repeat). */
const MAX_RATE = 5_000;

/** Where and what a load worker sends to `t` (the app listening on 127.0.0.1 at a random port). */
async function requestsOf(t: Target): Promise<Omit<Requests, 'bodies'>> {
  if (!t.app.server.listening) await t.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (t.app.server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    paths: t.paths,
    ...(t.headers ? { headers: t.headers } : {}),
    ...(t.method ? { method: t.method } : {}),
  };
}

/**
 * autocannon against an app listening on 127.0.0.1 at a random port (left listening: app.close()
 * stops it), from a worker thread (load-worker.ts) so that the load generator does not take the
 * server's event loop.
 */
async function run(t: Target, seconds: number, connections: number): Promise<autocannon.Result> {
  const body = t.body;
  const job: LoadJob = {
    ...(await requestsOf(t)),
    connections,
    duration: seconds,
    ...(typeof body === 'string' ? { body } : {}),
    ...(typeof body === 'function' ? { bodies: Array.from({ length: Math.ceil(seconds * MAX_RATE) }, (_, i) => body(i)) } : {}),
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', (r: autocannon.Result) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
}

const median = (xs: number[]) => percentile(xs, 50);

function merge(runs: autocannon.Result[]): LoadResult {
  const sum = (f: (r: autocannon.Result) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    rps: sum((r) => r.requests.total) / sum((r) => r.duration),
    p50: median(runs.map((r) => r.latency.p50)),
    p99: median(runs.map((r) => r.latency.p99)),
    errors: sum((r) => r.errors + r.timeouts),
    non2xx: sum((r) => r.non2xx),
    ok: sum((r) => r['2xx']),
    seconds: sum((r) => r.duration),
    chunkRps: runs.map((r) => r.requests.total / r.duration),
  };
}

/**
 * Loads `a` and its baseline `b` alternately, in `chunks` runs of seconds/chunks each, so a noisy
 * moment on the machine hits both alike. Throughput over all chunks; latency percentiles are the
 * median of the chunks' percentiles.
 */
export async function loadPair(
  a: Target,
  b: Target,
  opts: { seconds: number; connections: number; chunks: number },
): Promise<[LoadResult, LoadResult]> {
  const runs: [autocannon.Result[], autocannon.Result[]] = [[], []];
  for (let k = 0; k < opts.chunks; k++) {
    runs[0].push(await run(a, opts.seconds / opts.chunks, opts.connections));
    runs[1].push(await run(b, opts.seconds / opts.chunks, opts.connections));
  }
  return [merge(runs[0]), merge(runs[1])];
}

export interface PacedLoad {
  /** 2xx answers a second of load (all answered: the offered rate). */
  rps: number;
  /** Seconds from the last request sent to the last answer, the longest of the runs. */
  drain: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Each timed request as [due (ms since the epoch), latency (ms)], in the order they were due. */
  trace: [number, number][];
}

/** One side of a paced pair: a worker that keeps its connections between chunks. */
async function pacedSide(t: Target, rate: number, seconds: number, connections: number) {
  const body = t.body;
  const job: PacedJob = {
    ...(await requestsOf(t)),
    rate,
    connections,
    ...(typeof body === 'string' ? { bodies: [body] } : {}),
    ...(typeof body === 'function' ? { bodies: Array.from({ length: Math.ceil(seconds * rate) }, (_, i) => body(i)) } : {}),
  };
  const worker = new Worker(new URL('./paced-worker.ts', import.meta.url), { workerData: job });
  let failed: unknown = null;
  worker.once('error', (e) => (failed = e));
  return {
    run: (c: PacedChunk) =>
      new Promise<PacedResult>((resolve, reject) => {
        if (failed) return reject(failed as Error);
        const onError = (e: Error) => reject(e);
        worker.once('error', onError);
        worker.once('message', (r: PacedResult) => {
          worker.off('error', onError);
          resolve(r);
        });
        worker.postMessage(c);
      }),
    close: () => worker.postMessage(null),
  };
}

function mergePaced(runs: PacedResult[]): PacedLoad {
  const sum = (f: (r: PacedResult) => number) => runs.reduce((a, r) => a + f(r), 0);
  const latencies = runs.flatMap((r) => r.latencies);
  return {
    rps: sum((r) => r.ok) / sum((r) => r.window),
    drain: Math.max(...runs.map((r) => r.seconds - r.window)),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    trace: runs.flatMap((r) => r.dues.map((d, i): [number, number] => [d, r.latencies[i]!])).sort((x, y) => x[0] - y[0]),
  };
}

/**
 * Open-loop load (paced-worker.ts) at `rate` requests a second on `a` and its baseline `b`,
 * alternately in `chunks` runs, as loadPair does. Percentiles are over all the requests of a side,
 * each timed from when it was due.
 */
export async function pacedPair(
  a: Target,
  b: Target,
  opts: { rate: number; seconds: number; connections: number; chunks: number },
): Promise<[PacedLoad, PacedLoad]> {
  const runs: [PacedResult[], PacedResult[]] = [[], []];
  const each = opts.seconds / opts.chunks;
  // The first second of each side opens its connections and warms its code: sent, not timed.
  const sides = [
    await pacedSide(a, opts.rate, opts.seconds + 1, opts.connections),
    await pacedSide(b, opts.rate, opts.seconds + 1, opts.connections),
  ] as const;
  try {
    for (let k = 0; k < opts.chunks; k++) {
      for (const i of [0, 1] as const) {
        runs[i].push(await sides[i].run(k === 0 ? { seconds: each + 1, untimed: 1 } : { seconds: each, untimed: 0 }));
      }
    }
  } finally {
    for (const s of sides) s.close();
  }
  return [mergePaced(runs[0]), mergePaced(runs[1])];
}

/**
 * Where a paced side was slow: the runs of consecutive requests over `overMs`, each as when it
 * started (ms since the epoch), how many requests it held and its worst latency. A p99 of 10,000
 * requests is the 100th worst, so one stall of a tenth of a second can make it.
 */
export function slowSpans(trace: [number, number][], overMs: number): { at: number; requests: number; worst: number }[] {
  const spans: { at: number; requests: number; worst: number }[] = [];
  let open: (typeof spans)[number] | null = null;
  for (const [due, ms] of trace) {
    if (ms <= overMs) open = null;
    else if (open) {
      open.requests++;
      open.worst = Math.max(open.worst, ms);
    } else {
      open = { at: due, requests: 1, worst: ms };
      spans.push(open);
    }
  }
  return spans;
}

/**
 * autocannon in a worker thread (measure.ts `run`): the load generator must not share the event
 * loop of the server it measures, or every figure pays for both. Bodies come ready-made from the
 * main thread; requests cycle through the paths and bodies in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/** What a load worker sends, and where: the part of its job both workers share (paced-worker.ts too). */
export interface Requests {
  url: string;
  headers?: Record<string, string>;
  method?: 'POST' | 'PUT' | 'PATCH';
  paths: string[];
  bodies?: string[];
}

export interface LoadJob extends Requests {
  connections: number;
  duration: number;
  body?: string;
}

const job = workerData as LoadJob;
let next = 0;
// Inside a worker thread autocannon returns its raw histograms; aggregateResult gives the usual result.
const raw = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.duration,
  ...(job.headers ? { headers: job.headers } : {}),
  requests: [
    {
      ...(job.method ? { method: job.method } : {}),
      ...(job.body !== undefined ? { body: job.body } : {}),
      setupRequest: (req) => {
        const i = next++;
        return {
          ...req,
          path: job.paths[i % job.paths.length]!,
          ...(job.bodies ? { body: job.bodies[i % job.bodies.length]! } : {}),
        };
      },
    },
  ],
});
// (aggregateResult is public API; @types/autocannon does not declare it.)
const { aggregateResult } = autocannon as unknown as {
  aggregateResult: (results: unknown[], opts: { url: string; connections: number }) => autocannon.Result;
};
const result = aggregateResult([raw], { url: job.url, connections: job.connections });
parentPort!.postMessage(JSON.parse(JSON.stringify(result)));

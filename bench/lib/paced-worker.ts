/**
 * Open-loop load in a worker thread (measure.ts `pacedPair`): requests leave at a fixed rate whatever
 * the server does, as reports from many phones would, each on a keep-alive connection from a pool. A
 * request's latency counts from the moment it was due, not from when a connection was free, so a
 * server that falls behind shows it in the latency (no coordinated omission). autocannon's rate
 * option sends each connection's quota back to back at the start of every second: a burst, not a rate.
 *
 * The worker lives for all the chunks of one side of a pair (its connections stay open between
 * them): the parent posts `{ seconds, untimed }` for each chunk and gets a PacedResult back; `null`
 * ends it.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { Requests } from './load-worker.ts';

export interface PacedJob extends Requests {
  /** Requests a second. */
  rate: number;
  /** Most connections open at once; requests due while all are busy wait for one (and it counts). */
  connections: number;
}

export interface PacedChunk {
  /** Seconds of load. */
  seconds: number;
  /** Seconds at the start whose requests are answered and counted but not timed (connections opening). */
  untimed: number;
}

/** Of the timed part of a chunk; failures (non-2xx, errors) of the untimed part count too. */
export interface PacedResult {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Latencies (ms) of the timed requests, from when each was due. */
  latencies: number[];
  /** When each of them was due (ms since the epoch), in the order of `latencies`: the trace. */
  dues: number[];
  /** Seconds from the first timed request due to the last answer. */
  seconds: number;
  /** Seconds during which timed requests were sent. */
  window: number;
}

const job = workerData as PacedJob;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
/** Requests sent by this worker so far: the next path and body. */
let next = 0;

function send(due: number, timed: boolean, result: PacedResult, finish: () => void) {
  const i = next++;
  const req = http.request(
    `${job.url}${job.paths[i % job.paths.length]!}`,
    { method: job.method ?? 'GET', agent, headers: job.headers },
    (res) => {
      res.resume();
      res.on('end', () => {
        const good = res.statusCode! >= 200 && res.statusCode! < 300;
        if (!good) result.non2xx++;
        else if (timed) result.ok++;
        if (timed) {
          result.latencies.push(performance.now() - due);
          result.dues.push(performance.timeOrigin + due);
        }
        finish();
      });
    },
  );
  // A request unanswered after 30 s counts as an error rather than holding the run.
  req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
  req.on('error', () => {
    result.errors++;
    finish();
  });
  req.end(job.bodies?.[i % job.bodies.length]);
}

async function chunk({ seconds, untimed }: PacedChunk): Promise<PacedResult> {
  const result: PacedResult = {
    sent: 0,
    ok: 0,
    non2xx: 0,
    errors: 0,
    latencies: [],
    dues: [],
    seconds: 0,
    window: seconds - untimed,
  };
  const total = Math.round(job.rate * seconds);
  const timedFrom = Math.round(job.rate * untimed);
  const start = performance.now();
  let done = 0;
  await new Promise<void>((resolve) => {
    const finish = () => {
      if (++done === total) resolve();
    };
    // Every millisecond or so, send what has come due since the last tick (timers are not exact).
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * job.rate) + 1);
      for (; result.sent < due; result.sent++) {
        send(start + (result.sent * 1000) / job.rate, result.sent >= timedFrom, result, finish);
      }
      if (result.sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  result.seconds = (performance.now() - start) / 1000 - untimed;
  return result;
}

parentPort!.on('message', (msg: PacedChunk | null) => {
  if (msg === null) {
    agent.destroy();
    parentPort!.close();
    return;
  }
  void chunk(msg).then((r) => parentPort!.postMessage(r));
});

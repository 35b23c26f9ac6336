/**
 * The write load of the crash test: ticket reports over HTTP, eight in flight, a seeded mix of
 * keyed reports, unkeyed ones (group commit) and replays of earlier keys, until the server is
 * killed once enough were acknowledged. Every request is recorded with its answer, or none.
 */
import type { HttpSession } from './crash-server.ts';

export interface Sent {
  title: string;
  key: string | undefined;
  body: Record<string, unknown>;
  /** undefined: no answer (the connection died with the server). */
  status?: number;
  id?: number;
  /** The problem's code of a refusal. */
  code?: string;
}

export interface Answer {
  status: number;
  id?: number;
  title?: string;
  code?: string;
}

/** A small seeded generator (mulberry32): the same seed, the same mix and kill point. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function postReport(url: string, s: HttpSession, body: unknown, key?: string): Promise<Answer> {
  const res = await fetch(`${url}/api/v1/tickets`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { id?: number; title?: string; code?: string };
  return { status: res.status, ...(res.status === 201 ? { id: json.id, title: json.title } : { code: json.code }) };
}

export interface LoadOptions {
  url: string;
  session: HttpSession;
  county: { categoryId: number };
  seed: number;
  kill: () => void;
  inFlight?: number;
}

export async function loadReports(o: LoadOptions) {
  const rnd = random(o.seed);
  // Killed once this many are acknowledged: somewhere in 40–90, a different moment every seed.
  const threshold = 40 + Math.floor(rnd() * 50);
  const sent: Sent[] = [];
  let acked = 0;
  let inFlight = 0;
  let inFlightAtKill = 0;
  let killed = false;
  let killing = false;
  // Then killed after a seeded 0–20 ms, while the next reports are on their way (0: at once).
  const delay = Math.floor(rnd() * 21);
  const killNow = () => {
    killed = true;
    inFlightAtKill = inFlight;
    o.kill();
  };
  let n = 0;

  const next = (): Sent => {
    const earlier = sent.filter((s) => s.key);
    const dice = rnd();
    if (dice < 0.2 && earlier.length > 0) {
      // A phone on a poor signal retrying: the same key and body, often while the first is in flight.
      const first = earlier[Math.max(0, earlier.length - 1 - Math.floor(rnd() * 4))]!;
      return { title: first.title, key: first.key, body: first.body };
    }
    const i = ++n;
    const title = `崩溃测试${o.seed}-${i}`;
    const body = {
      title,
      description: `第${i}件：排水沟堵塞，需要上门查看。`,
      categoryId: o.county.categoryId,
      channel: 'gridWorker',
      location: { lng: 112.01 + rnd() * 0.2, lat: 28.01 + rnd() * 0.2 },
      fields: { parties: 2 + (i % 4) },
    };
    return { title, key: dice < 0.55 ? `crash-${o.seed}-${i}` : undefined, body };
  };

  const worker = async () => {
    while (!killed) {
      const s = next();
      sent.push(s);
      inFlight++;
      let a: Answer;
      try {
        a = await postReport(o.url, o.session, s.body, s.key);
      } catch (err) {
        // No answer: the server died under this request (or before its answer was read).
        if (!killed) throw err;
        continue;
      } finally {
        inFlight--;
      }
      s.status = a.status;
      if (a.code) s.code = a.code;
      if (a.status !== 201) continue;
      if (a.title !== s.title) throw new Error(`answer for ${s.title} names ${a.title}`);
      s.id = a.id;
      if (++acked >= threshold && !killing) {
        killing = true;
        if (delay === 0) killNow();
        else setTimeout(killNow, delay);
      }
    }
  };
  await Promise.all(Array.from({ length: o.inFlight ?? 8 }, worker));
  return { sent, threshold, inFlightAtKill };
}

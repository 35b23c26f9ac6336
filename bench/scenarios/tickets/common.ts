/** What the tickets scenario's parts share: constants and small helpers. */
import type { Runtime } from '../../../apps/server/src/main.ts';
import { type Statement } from '../../lib/recorder.ts';
import { type Ctx } from '../../lib/types.ts';

export const DAYS = 1095;
export const OPEN = `('reported','accepted','assigned','inProgress')`;
export const DAY_MS = 86_400_000;

export function ok(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode !== 200) throw new Error(`${what}: HTTP ${res.statusCode}: ${res.body.slice(0, 300)}`);
}

/** The statements of a request that read tickets (not the session, grants or calendar). */
export const overTickets = (s: Statement) => /from "?ticket"?( as)? "?t"?\b/.test(s.text);

/** Replays statements one after the other, as the service sends them. */
export async function replay(runtime: Runtime, statements: Statement[]) {
  for (const s of statements) await runtime.db.pool!.query(s.text, s.values);
}

/** At --full, the plan of each statement behind a figure that missed its target, for docs/PERFORMANCE.md. */
export async function explainMiss(ctx: Ctx, runtime: Runtime, what: string, statements: Statement[]) {
  if (!ctx.full) return;
  for (const s of statements) {
    const r = await runtime.db.pool!.query<Record<string, string>>(`explain (analyze, buffers) ${s.text}`, s.values);
    const plan = r.rows.map((x) => `      ${x['QUERY PLAN']}`).join('\n');
    ctx.log(`${what} missed its target; EXPLAIN ANALYZE of\n      ${s.text.replace(/\s+/g, ' ')}\n${plan}`);
  }
}

export const n = (x: number) => x.toLocaleString('en-US');

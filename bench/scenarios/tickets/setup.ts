/**
 * The setup the tickets and dashboard scenarios share: a fresh PostgreSQL database with the demo
 * county (scale 0.1; --full: 1, cloned from the database demo-load keeps when it ran first), the
 * server on a ManualClock standing at the load's "now", three years of generated tickets (100,000;
 * --full: 1,000,000, COPY, no timeline), then VACUUM ANALYZE.
 */
import { sql } from 'kysely';
import { ManualClock } from '../../../apps/server/src/lib/clock.ts';
import type { Runtime } from '../../../apps/server/src/main.ts';
import { seedDemoTickets } from '../../../apps/server/src/modules/demo/tickets.seed.ts';
import { demoTemplate, freshPostgres } from '../../lib/db.ts';
import { timed } from '../../lib/measure.ts';
import { withStatementTimer } from '../../lib/recorder.ts';
import { benchRuntime } from '../../lib/runtime.ts';
import { row, type Ctx, type Row } from '../../lib/types.ts';
import { DAYS, n } from './common.ts';

export interface TicketCounty {
  runtime: Runtime;
  clock: ManualClock;
  county: { id: number; path: string };
  /** The row of the load itself (tickets/s beside its database calls alone). */
  load: Row[];
}

/** Generates and loads `count` tickets (seedDemoTickets, seed 2026), then VACUUM ANALYZE. */
export async function loadTickets(ctx: Ctx, runtime: Runtime, clock: ManualClock, count: number): Promise<Row[]> {
  const { categories, calendar } = runtime.services;
  await categories.ensureDefaults();
  const cal = await calendar.current();
  ctx.log(`generating ${n(count)} tickets over ${DAYS} days (COPY, no timeline)`);
  const timer = withStatementTimer(runtime.db);
  const gen = await timed(() =>
    seedDemoTickets(timer.db, clock, cal, categories, { count, days: DAYS, seed: 2026, timeline: false }),
  );
  const seconds = gen.ms / 1000;
  ctx.log(
    `${n(count)} tickets in ${seconds.toFixed(1)} s (${n(Math.round(count / seconds))}/s), ${timer.seconds().toFixed(1)} s of it in the database`,
  );
  const vac = await timed(async () => {
    await sql`vacuum analyze ticket`.execute(runtime.db.db);
    await sql`analyze`.execute(runtime.db.db);
  });
  ctx.log(`VACUUM ANALYZE ticket + ANALYZE: ${(vac.ms / 1000).toFixed(1)} s`);
  return [
    row(`generate + load ${n(count)} tickets (${DAYS} days), seedDemoTickets`, count / seconds, 'tickets/s', {
      label: 'its database calls alone (COPY), as a rate',
      value: count / timer.seconds(),
    }),
  ];
}

/**
 * Runs `fn` on the demo county with its tickets loaded (see the top of this file), then closes the
 * server and drops the database. PostgreSQL only: returns no rows when it is unreachable.
 */
export async function withTicketCounty(ctx: Ctx, fn: (t: TicketCounty) => Promise<Row[]>): Promise<Row[]> {
  if (!ctx.pgUrl) return [];
  const scale = ctx.full ? 1 : 0.1;
  const count = ctx.full ? 1_000_000 : 100_000;
  const template = demoTemplate(scale);
  const b = await freshPostgres(ctx.pgUrl, template);
  try {
    ctx.log(`PostgreSQL: server with the demo county at scale ${scale}${template ? ` (copied from ${template})` : ''}`);
    // Standing still at the load's "now" until a scenario moves it.
    const clock = new ManualClock(new Date());
    const runtime = await benchRuntime(b, template ? null : scale, { clock });
    try {
      const county = await runtime.db.db
        .selectFrom('unit')
        .select(['id', 'path'])
        .where('kind', '=', 'county')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const load = await loadTickets(ctx, runtime, clock, count);
      return await fn({ runtime, clock, county, load });
    } finally {
      await runtime.close();
    }
  } finally {
    await b.cleanup();
  }
}

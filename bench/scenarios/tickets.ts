/**
 * tickets (PostgreSQL only): the demo county (scale 0.1; --full: 1) with three years of generated
 * tickets (100,000; --full: 1,000,000, loaded with COPY by seedDemoTickets), then VACUUM ANALYZE.
 * The server runs on a ManualClock standing at the load's "now". Figures, each beside a baseline
 * measured in the same run:
 * 1. intake: POST /api/v1/tickets over real HTTP (autocannon, 10 connections, distinct valid bodies
 *    placed by unitId or by a point inside a grid) as a county dispatcher, beside a bare Fastify
 *    route doing one parameterised INSERT on the same pool; the tickets inserted must equal the 201s;
 * 2. the inbox (box=toHandle and /inbox/counts) of a busy grid's worker and of a county dispatcher,
 *    beside the ticket SQL each request sent, replayed, and a bare route;
 * 3. county statistics by unit for twelve months, beside a raw GROUP BY over the same rows;
 * 4. the deadline sweep: nothing due, a jump to 00:00 of the next working day, a bigger jump, and
 *    every open ticket due at once, beside the raw read + write of the same rows.
 * Targets (issue) apply at --full: intake ≥ 1,000 tickets/s with p99 ≤ 50 ms; inbox p95 ≤ 20 ms;
 * statistics p95 ≤ 200 ms; sweep ≤ 5 s over all open tickets, proportional to the changes.
 */
import { sql } from 'kysely';
import { ManualClock } from '../../apps/server/src/lib/clock.ts';
import type { Runtime } from '../../apps/server/src/main.ts';
import { seedDemoTickets } from '../../apps/server/src/modules/demo/tickets.seed.ts';
import { demoTemplate, freshPostgres } from '../lib/db.ts';
import { timed } from '../lib/measure.ts';
import { withStatementTimer } from '../lib/recorder.ts';
import { benchRuntime } from '../lib/runtime.ts';
import { row, type Ctx, type Row, type Scenario } from '../lib/types.ts';
import { DAYS, n } from './tickets/common.ts';
import { intake } from './tickets/intake.ts';
import { inbox, statistics } from './tickets/reads.ts';
import { steadySweep, sweepJumps } from './tickets/sweep.ts';

async function setup(ctx: Ctx, runtime: Runtime, clock: ManualClock, count: number): Promise<Row[]> {
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

/** The first sweep after the load (its red tickets) reaches the steady state; then one with nothing due. */

export const tickets: Scenario = {
  name: 'tickets',
  description: 'tickets (PostgreSQL; 100,000, --full 1,000,000): intake over HTTP, inbox, statistics, deadline sweep',
  async run(ctx) {
    if (!ctx.pgUrl) return [];
    const scale = ctx.full ? 1 : 0.1;
    const count = ctx.full ? 1_000_000 : 100_000;
    const template = demoTemplate(scale);
    const b = await freshPostgres(ctx.pgUrl, template);
    try {
      ctx.log(`PostgreSQL: server with the demo county at scale ${scale}${template ? ` (copied from ${template})` : ''}`);
      // Standing still at the load's "now" until the sweep moves it.
      const clock = new ManualClock(new Date());
      const runtime = await benchRuntime(b, template ? null : scale, { clock });
      try {
        const county = await runtime.db.db
          .selectFrom('unit')
          .select(['id', 'path'])
          .where('kind', '=', 'county')
          .orderBy('id')
          .executeTakeFirstOrThrow();
        const load = await setup(ctx, runtime, clock, count);
        const steady = await steadySweep(ctx, runtime);
        const box = await inbox(ctx, runtime, county);
        const stats = await statistics(ctx, runtime, county, clock);
        // The clock moves (sessions go idle), so intake comes last and signs in afterwards.
        const jumps = await sweepJumps(ctx, runtime, clock);
        const intakeRows = await intake(ctx, runtime, county);
        // In the issue's order.
        return [...load, ...intakeRows, ...box, ...stats, ...steady, ...jumps];
      } finally {
        await runtime.close();
      }
    } finally {
      await b.cleanup();
    }
  },
};

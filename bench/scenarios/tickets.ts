/**
 * tickets (PostgreSQL only): the demo county (scale 0.1; --full: 1) with three years of generated
 * tickets (100,000; --full: 1,000,000, loaded with COPY by seedDemoTickets), then VACUUM ANALYZE.
 * The server runs on a ManualClock standing at the load's "now". Figures, each beside a baseline
 * measured in the same run:
 * 1. intake: POST /api/v1/tickets over real HTTP (distinct valid bodies placed by unitId or by a
 *    point inside a grid) as a county dispatcher, beside a bare Fastify route doing one parameterised
 *    INSERT on the same pool: closed loops of 10 and 20 connections (autocannon: what the route
 *    takes at most), then the judged run, an open loop offering 1,000 reports/s (paced-worker.ts,
 *    latency timed from when each report was due); the tickets inserted must equal the 201s;
 * 2. the inbox (box=toHandle and /inbox/counts) of a busy grid's worker and of a county dispatcher,
 *    beside the ticket SQL each request sent, replayed, and a bare route;
 * 3. county statistics by unit for twelve months, beside a raw GROUP BY over the same rows;
 * 4. the deadline sweep: nothing due, a jump to 00:00 of the next working day, a bigger jump, and
 *    every open ticket due at once, beside the raw read + write of the same rows.
 * Targets (issue) apply at --full: intake of 1,000 reports/s offered, all answered, p99 ≤ 50 ms; inbox p95 ≤ 20 ms;
 * statistics p95 ≤ 200 ms; sweep ≤ 5 s over all open tickets, proportional to the changes.
 */
import type { Scenario } from '../lib/types.ts';
import { intake } from './tickets/intake.ts';
import { inbox, statistics } from './tickets/reads.ts';
import { withTicketCounty } from './tickets/setup.ts';
import { steadySweep, sweepJumps } from './tickets/sweep.ts';

export const tickets: Scenario = {
  name: 'tickets',
  description: 'tickets (PostgreSQL; 100,000, --full 1,000,000): intake over HTTP, inbox, statistics, deadline sweep',
  run: (ctx) =>
    withTicketCounty(ctx, async ({ runtime, clock, county, load }) => {
      const steady = await steadySweep(ctx, runtime);
      const box = await inbox(ctx, runtime, county);
      const stats = await statistics(ctx, runtime, county, clock);
      // The clock moves (sessions go idle), so intake comes last and signs in afterwards.
      const jumps = await sweepJumps(ctx, runtime, clock);
      const intakeRows = await intake(ctx, runtime, county);
      // In the order.
      return [...load, ...intakeRows, ...box, ...stats, ...steady, ...jumps];
    }),
};

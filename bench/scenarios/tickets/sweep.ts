/** The deadline sweep: steady state, jumps of the clock, proportionality. */
import { sql } from 'kysely';
import type { ManualClock } from '../../../apps/server/src/lib/clock.ts';
import type { Runtime } from '../../../apps/server/src/main.ts';
import { startOfDay } from '../../../apps/server/src/modules/tickets/deadlines.ts';
import { timed } from '../../lib/measure.ts';
import { row, type Ctx, type Row } from '../../lib/types.ts';
import { OPEN, n } from './common.ts';

/** Seconds of a sweep, with what it did. */
export async function sweepTimed(runtime: Runtime) {
  const { ms, result } = await timed(() => runtime.services.supervision.sweep());
  return { seconds: ms / 1000, ...result };
}

/**
 * The floor under a sweep at `at`: read the due rows as the sweep does and write each one back
 * (light, light_at, a new next_check_at) in one statement, in a transaction rolled back. Measured
 * before the sweep, on the same rows.
 */
export async function rawSweepFloor(runtime: Runtime, at: Date): Promise<{ seconds: number; rows: number }> {
  const client = await runtime.db.pool!.connect();
  try {
    const t0 = performance.now();
    await client.query('begin');
    const r = await client.query<{ id: number }>('select * from ticket where next_check_at <= $1 order by next_check_at', [at]);
    await client.query(
      // next_check_at moves, as in the sweep: an indexed column, so no HOT update.
      `update ticket t set light = t.light, next_check_at = t.next_check_at + interval '1 second', light_at = t.light_at
       from unnest($1::int[]) as v(id) where t.id = v.id`,
      [r.rows.map((x) => x.id)],
    );
    await client.query('rollback');
    return { seconds: (performance.now() - t0) / 1000, rows: r.rows.length };
  } finally {
    client.release();
  }
}

/** The first sweep after the load (its red tickets) reaches the steady state; then one with nothing due. */
export async function steadySweep(ctx: Ctx, runtime: Runtime): Promise<Row[]> {
  const db = runtime.db;
  const first = await sweepTimed(runtime);
  ctx.log(
    `first sweep at now (tickets loaded red): ${n(first.checked)} checked, ${n(first.lightChanges)} light changes, ` +
      `${n(first.notices)} notices in ${first.seconds.toFixed(2)} s`,
  );
  const openRows = await sql<{ n: number }>`select count(*)::int as n from ticket where state in ${sql.raw(OPEN)}`.execute(db.db);
  const open = openRows.rows[0]!.n;
  const scan = await timed(() => sql`select * from ticket where state in ${sql.raw(OPEN)}`.execute(db.db));
  const scanLabel = `raw SELECT * of all ${n(open)} open tickets`;

  const idle = await sweepTimed(runtime);
  ctx.log(`sweep with nothing due: ${idle.checked} checked in ${(idle.seconds * 1000).toFixed(1)} ms`);
  const what = (s: { checked: number; lightChanges: number; notices: number }) =>
    `${n(s.checked)} checked, ${n(s.lightChanges)} lights, ${n(s.notices)} notices`;
  return [
    row(`sweep, first after load: ${what(first)}`, first.seconds, 's', { label: scanLabel, value: scan.ms / 1000 }),
    row(`sweep, nothing due (${idle.checked} checked)`, idle.seconds * 1000, 'ms', { label: scanLabel, value: scan.ms }),
  ];
}

/** Moves the clock: (b) to 00:00 of the next working day, (c) 3 working days more, (d) every open ticket due. */
export async function sweepJumps(ctx: Ctx, runtime: Runtime, clock: ManualClock): Promise<Row[]> {
  const db = runtime.db;
  const cal = await runtime.services.calendar.current();
  const t0 = clock.now();
  const openRows = await sql<{ n: number }>`select count(*)::int as n from ticket where state in ${sql.raw(OPEN)}`.execute(db.db);
  const open = openRows.rows[0]!.n;

  // (b) 00:00 China time of the next working day; (c) three working days later.
  const today = cal.localDay(t0);
  const t1 = startOfDay(cal.addWorkdays(today, 1).day);
  const t2 = startOfDay(cal.addWorkdays(today, 4).day);
  const jump = async (to: Date) => {
    const floor = await rawSweepFloor(runtime, to);
    clock.set(to);
    const s = await sweepTimed(runtime);
    ctx.log(
      `sweep at ${to.toISOString()}: ${n(s.checked)} checked (raw floor read ${n(floor.rows)}), ${n(s.lightChanges)} light changes, ` +
        `${n(s.notices)} notices in ${s.seconds.toFixed(2)} s; raw read + write ${floor.seconds.toFixed(2)} s`,
    );
    return { ...s, floor: floor.seconds };
  };
  const b = await jump(t1);
  const c = await jump(t2);
  // (d) Every open ticket due at once (after downtime, or a calendar edit): the whole open set checked.
  const now = clock.now();
  await sql`update ticket set next_check_at = ${now} where state in ${sql.raw(OPEN)}`.execute(db.db);
  await sql`vacuum analyze ticket`.execute(db.db);
  const d = await jump(now);

  const hours = (t: Date) => `${((t.getTime() - t0.getTime()) / 3_600_000).toFixed(1)} h`;
  const sweepTarget = (s: number) => ({ text: `≤ 5 s${ctx.full ? '' : ' at --full'}`, pass: ctx.full ? s <= 5 : null });
  const perChange = (s: { seconds: number; lightChanges: number; notices: number }) =>
    (s.seconds * 1000) / Math.max(1, s.lightChanges + s.notices);
  const what = (s: { checked: number; lightChanges: number; notices: number }) =>
    `${n(s.checked)} checked, ${n(s.lightChanges)} lights, ${n(s.notices)} notices`;
  const floorLabel = 'raw read + write of the same rows (rolled back)';
  const timeRatio = c.seconds / Math.max(1e-6, b.seconds);
  const checkedRatio = c.checked / Math.max(1, b.checked);
  return [
    row(`sweep (b) +${hours(t1)} (00:00 next working day): ${what(b)}`, b.seconds, 's', { label: floorLabel, value: b.floor }),
    row(`sweep (b): per changed ticket (light or notice)`, perChange(b), 'ms'),
    row(`sweep (c) +${hours(t2)} (3 working days more): ${what(c)}`, c.seconds, 's', { label: floorLabel, value: c.floor }),
    row(`sweep (c): per changed ticket (light or notice)`, perChange(c), 'ms'),
    row(
      `sweep (c) ÷ (b): time`,
      timeRatio,
      '×',
      { label: '(c) ÷ (b): tickets checked', value: checkedRatio },
      {
        text: `proportional (ratios within ±50%)${ctx.full ? '' : ' at --full'}`,
        pass: ctx.full ? timeRatio / checkedRatio >= 2 / 3 && timeRatio / checkedRatio <= 1.5 : null,
      },
    ),
    row(
      `sweep (d): all ${n(open)} open tickets due at once: ${what(d)}`,
      d.seconds,
      's',
      { label: floorLabel, value: d.floor },
      sweepTarget(d.seconds),
    ),
  ];
}

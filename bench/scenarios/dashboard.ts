/**
 * dashboard (PostgreSQL only): the command center's data, GET /api/v1/dashboard?unitId=…, on the
 * tickets scenario's setup (bench/scenarios/tickets/setup.ts: the demo county at scale 0.1 with
 * 100,000 tickets; --full: scale 1 with 1,000,000), after a first deadline sweep (the loaded red
 * tickets get their supervision notices, as on a running server). Signed in as a county leader, for
 * the county, the township and the village holding the most tickets; app.inject, up to 300 rounds
 * (capped at 20 s; --full 60 s), interleaved request by request with two baselines:
 * (a) a raw GROUP BY over the ticket table computing the same period figures (received, closed, on
 *     time, due, evaluated, satisfied, self-resolved for this month to date and the same days of the
 *     previous month; open, red and yellow now) by child unit, in one statement;
 * (b) the route's own ticket statements (statementRecorder), replayed one after the other.
 * Targets (issue #7) apply at --full: county p95 ≤ 100 ms, village p95 ≤ 30 ms; the township has none.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Runtime } from '../../apps/server/src/main.ts';
import { addDays, monthRange, shiftMonth } from '../../apps/server/src/lib/periods.ts';
import { endOfDay, startOfDay } from '../../apps/server/src/modules/tickets/deadlines.ts';
import type { Dashboard } from '@wangge/contracts';
import { percentile, sample } from '../lib/measure.ts';
import { statementRecorder, type Statement } from '../lib/recorder.ts';
import { signInAs } from '../lib/runtime.ts';
import { row, type Ctx, type Row, type Scenario } from '../lib/types.ts';
import { OPEN, explainMiss, n, ok, replay } from './tickets/common.ts';
import { withTicketCounty } from './tickets/setup.ts';

interface Unit {
  id: number;
  name: string;
  path: string;
  /** Tickets whose unit lies in this unit's subtree. */
  tickets: number;
}

interface RawRow {
  child: string | null;
  received: number;
  closed: number;
  on_time: number;
  p_received: number;
  p_closed: number;
  open: number;
  red: number;
  [figure: string]: number | string | null;
}

/** The unit of `kind` at `depth` (1 = county) whose subtree holds the most tickets. */
async function busiest(runtime: Runtime, kind: 'township' | 'village', depth: number): Promise<Unit> {
  const r = await sql<Unit>`
    select u.id, u.name, u.path::text as path, count(*)::int as tickets
    from ticket t join unit u on u.id = ltree2text(subpath(t.unit_path, ${depth - 1}, 1))::int
    where nlevel(t.unit_path) >= ${depth} and u.kind = ${kind}
    group by u.id, u.name, u.path order by tickets desc, u.id limit 1`.execute(runtime.db.db);
  return r.rows[0]!;
}

/** The dashboard's periods (as DashboardService.overview): this month to date, the same days of the previous month. */
async function periods(runtime: Runtime) {
  const now = runtime.clock.now();
  const today = (await runtime.services.calendar.current()).localDay(now);
  const { from } = monthRange(today.slice(0, 7));
  const prev = monthRange(shiftMonth(today.slice(0, 7), -1));
  const prevTo = addDays(prev.from, Math.min(Number(today.slice(8)) - 1, Number(prev.to.slice(8)) - 1));
  return { now, from, to: today, prevFrom: prev.from, prevTo };
}

/** Baseline (a): the period figures and the live counts by child unit, straight from the ticket table, one statement. */
function rawGroupBy(path: string, p: Awaited<ReturnType<typeof periods>>) {
  const depth = path.split('.').length;
  const open = sql.raw(`t.state in ${OPEN}`);
  const done = sql`t.state in ('closed','evaluated')`;
  const late = sql`(t.resolve_due_at <= ${p.now} or (t.dispatched_at is null and t.accept_due_at <= ${p.now})
                    or (t.feedback_at is null and t.feedback_due_at <= ${p.now}))`;
  const figures = (prefix: string, from: string, to: string) => {
    const inPeriod = sql`t.received_at >= ${startOfDay(from)} and t.received_at < ${endOfDay(to)}`;
    const f = (name: string, cond: RawBuilder<unknown>) =>
      sql`count(*) filter (where ${inPeriod} and ${cond})::int as ${sql.ref(prefix + name)}`;
    return sql.join(
      [
        f('received', sql`true`),
        f('rejected', sql`t.state = 'rejected'`),
        f('closed', done),
        f('on_time', sql`${done} and t.result = 'onTime'`),
        f('due', sql`(${done} or (${open} and t.resolve_due_at <= ${p.now}))`),
        f('evaluated', sql`t.evaluation is not null`),
        f('satisfied', sql`t.evaluation = 'satisfied'`),
        f('self_resolved', sql`t.self_resolved`),
      ],
      sql`, `,
    );
  };
  return sql<RawRow>`
    select case when nlevel(t.unit_path) > ${depth} then ltree2text(subpath(t.unit_path, ${depth}, 1)) end as child,
      ${figures('', p.from, p.to)}, ${figures('p_', p.prevFrom, p.prevTo)},
      count(*) filter (where ${open})::int as open, count(*) filter (where ${open} and ${late})::int as red,
      count(*) filter (where ${open} and not ${late} and t.light = 'yellow')::int as yellow
    from ticket t
    where t.unit_path <@ ${path}::ltree
      and ((t.received_at >= ${startOfDay(p.prevFrom)} and t.received_at < ${endOfDay(p.to)}) or ${open})
    group by 1`;
}

/** Whether the route's figures equal the raw GROUP BY's (a check that baseline (a) computes the same thing). */
function agreement(d: Dashboard, raw: RawRow[]): string {
  const sum = (k: string) => raw.reduce((a, r) => a + Number(r[k]), 0);
  const f = d.figures;
  const pairs: [string, number, number][] = [
    ['received', f.receivedMonth.value, sum('received')],
    ['received (previous)', f.receivedMonth.previous, sum('p_received')],
    ['open', f.open, sum('open')],
    ['red', f.red, sum('red')],
    ['yellow', f.yellow, sum('yellow')],
  ];
  const byChild = new Map(raw.map((r) => [r.child, r]));
  for (const c of d.children) {
    const r = byChild.get(String(c.unit.id));
    pairs.push([`${c.unit.name} received`, c.receivedMonth, r?.received ?? 0], [`${c.unit.name} open`, c.open, r?.open ?? 0]);
  }
  const differ = pairs.filter(([, a, b]) => a !== b);
  return differ.length === 0
    ? `route and raw GROUP BY agree (${pairs.length} figures)`
    : `route and raw GROUP BY DIFFER: ${differ.map(([k, a, b]) => `${k} ${a} ≠ ${b}`).join(', ')}`;
}

/** The statements of a request that read tickets, their summaries or notices (not the session, grants or units). */
const overTickets = (s: Statement) =>
  /\b(ticket\w*|supervision_notice)\b/.test(s.text) && !/\b(user_account|role_grant|session)\b/.test(s.text);

async function measure(
  ctx: Ctx,
  runtime: Runtime,
  recorder: ReturnType<typeof statementRecorder>,
  headers: Record<string, string>,
  level: string,
  unit: Unit,
  target: number | null,
): Promise<Row[]> {
  const url = `/api/v1/dashboard?unitId=${unit.id}`;
  const p = await periods(runtime);
  const raw = rawGroupBy(unit.path, p);
  let sent: Statement[] = [];
  let all = 0;
  let body: Dashboard | null = null;
  const s = await sample(
    {
      api: async () => {
        recorder.on = true;
        const res = await runtime.app.inject({ method: 'GET', url, headers });
        recorder.on = false;
        ok(res, url);
        const taken = recorder.take();
        all = taken.length;
        sent = taken.filter(overTickets);
        body = res.json<Dashboard>();
      },
      raw: () => raw.execute(runtime.db.db),
      replay: () => replay(runtime, sent),
    },
    300,
    5,
    ctx.full ? 60 : 20,
  );
  const d = body as Dashboard | null;
  if (!d) throw new Error(`${url}: no answer`);
  const rawRows = (await raw.execute(runtime.db.db)).rows;
  ctx.log(
    `dashboard of the ${level} ${unit.name} (${n(unit.tickets)} tickets; ${p.from}..${p.to} vs ${p.prevFrom}..${p.prevTo}): ` +
      `${n(d.figures.receivedMonth.value)} received this month, ${d.figures.open} open, ${d.children.length} children; ` +
      `${all} statements sent, ${sent.length} replayed; ${s.api.length} requests; ${agreement(d, rawRows)}`,
  );
  const p95 = percentile(s.api, 95);
  const missed = target !== null && p95 > target;
  if (missed) await explainMiss(ctx, runtime, `dashboard of the ${level}`, sent);
  const label = `dashboard ${level} (${unit.name}, ${n(unit.tickets)} tickets, ${n(d.figures.receivedMonth.value)} this month), p95 of ${s.api.length}`;
  return [
    row(
      label,
      p95,
      'ms',
      { label: `raw GROUP BY child unit: this month, previous, open/red (${rawRows.length} rows)`, value: percentile(s.raw, 95) },
      target === null ? null : { text: `p95 ≤ ${target} ms${ctx.full ? '' : ' at --full'}`, pass: ctx.full ? !missed : null },
    ),
    row(`dashboard ${level}, p95`, p95, 'ms', {
      label: `its ticket SQL (${sent.length} statements), replayed one after the other`,
      value: percentile(s.replay, 95),
    }),
  ];
}

export const dashboard: Scenario = {
  name: 'dashboard',
  description: 'command center data (PostgreSQL; 100,000 tickets, --full 1,000,000): county, township, village',
  run: (ctx) =>
    withTicketCounty(ctx, async ({ runtime, county, load }) => {
      // The steady state of a running server: the loaded red tickets get their notices.
      const first = await runtime.services.supervision.sweep();
      ctx.log(`first sweep: ${n(first.checked)} checked, ${n(first.notices)} notices`);
      const total = await sql<{ n: number }>`select count(*)::int as n from ticket`.execute(runtime.db.db);
      const countyUnit = await runtime.db.db
        .selectFrom('unit')
        .select(['name'])
        .where('id', '=', county.id)
        .executeTakeFirstOrThrow();
      const levels: [string, Unit, number | null][] = [
        ['county', { ...county, name: countyUnit.name, tickets: total.rows[0]!.n }, 100],
        ['township', await busiest(runtime, 'township', 2), null],
        ['village', await busiest(runtime, 'village', 3), 30],
      ];
      const { headers } = await signInAs(runtime, 'countyLeader', county.id);
      const recorder = statementRecorder(runtime.db.pool!);
      const rows: Row[] = [...load];
      for (const [level, unit, target] of levels)
        rows.push(...(await measure(ctx, runtime, recorder, headers, level, unit, target)));
      return rows;
    }),
};

/**
 * Every statistics figure against a value worked out by hand: nine tickets in November 2026 (no
 * holidays; weekends 7–8, 14–15), each driven to a known state at known instants with the clock,
 * read on Friday 2026-11-20 10:00 China time; two more in October for the rates over valid tickets. The county's figures come from the summary tables, the
 * village's from the tickets, by=channel always from the tickets: all must give the same numbers.
 *
 * Deadlines (ordinary, normal urgency): accept 1, feedback 3, resolve 7 working days after the day
 * of receipt, each ending at 24:00 (domain.md §5).
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0019 from '../src/db/migrations/0019_ticket_stat_valid_tickets.ts';
import * as m0022 from '../src/db/migrations/0022_ticket_stat_one_statement.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { workdaysToClose } from '../src/modules/tickets/deadlines.ts';
import type { Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { inGrid, op, report, send, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely typed JSON bodies
type Json = any;

let rt: TestRuntime;
let w: TicketWorld;

/** China time → instant. */
const cst = (local: string) => new Date(`${local}+08:00`);

beforeAll(async () => {
  // The clock travels weeks ahead: sessions must outlive it.
  rt = await testRuntime({ sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 });
  w = await ticketWorld(rt);
  await buildTickets();
  rt.clock.set(cst('2026-11-20T10:00:00'));
});
afterAll(() => rt?.close());

async function reportAt(local: string, channel: string, category: 'policy' | 'proxy'): Promise<Json> {
  rt.clock.set(cst(local));
  const r = await report(w.users.worker, {
    title: `${category} ${channel} ${local}`,
    description: '统计口径测试',
    categoryId: w.cat(category).id,
    channel,
    location: inGrid,
  });
  if (r.status !== 201) throw new Error(`report → ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The operations of one ticket, each at its own instant (China time). */
async function steps(t: Json, list: [string, Client, string, Record<string, unknown>?][]): Promise<Json> {
  for (const [local, user, name, body] of list) {
    rt.clock.set(cst(local));
    t = await op(user, t, name, body);
  }
  return t;
}

async function buildTickets() {
  const { worker, village, township } = w.users;
  // T1 gridWorker/policy. Received Mon 11-02; handed on (started) within the day; resolved Wed 11-04
  // (due 11-11): on time, 2 working days (11-03, 11-04); evaluated satisfied. Handled by the grid.
  await steps(await reportAt('2026-11-02T09:00:00', 'gridWorker', 'policy'), [
    ['2026-11-02T10:00:00', worker, 'accept'],
    ['2026-11-02T10:00:00', worker, 'start'],
    ['2026-11-04T10:00:00', worker, 'resolve', { note: '已答复' }],
    ['2026-11-04T11:00:00', village, 'verify', { passed: true }],
    ['2026-11-04T11:00:00', village, 'close'],
    ['2026-11-04T15:00:00', worker, 'evaluate', { rating: 'satisfied' }],
  ]);
  // T2 hotline12345/policy. Received Mon 11-02; nobody moves before Wed 11-04 (accept was due 11-03
  // 24:00: not responded in time); the village resolves Fri 11-13, after the resolve deadline 11-11:
  // overdue, 9 working days (11-03…11-06, 11-09…11-13); evaluated basically. Handled by the village.
  await steps(await reportAt('2026-11-02T09:00:00', 'hotline12345', 'policy'), [
    ['2026-11-04T10:00:00', worker, 'accept'],
    ['2026-11-04T10:00:00', worker, 'escalate', { note: '需村里协调' }],
    ['2026-11-04T10:30:00', village, 'start'],
    ['2026-11-13T10:00:00', village, 'resolve', { note: '已协调' }],
    ['2026-11-13T11:00:00', worker, 'verify', { passed: true }],
    ['2026-11-13T11:00:00', worker, 'close'],
    ['2026-11-13T15:00:00', worker, 'evaluate', { rating: 'basically' }],
  ]);
  // T3 walkIn/proxy. Received Sat 11-07 (a rest day: accept due Mon 11-09 24:00); started Mon
  // 09:00 (in time); resolved, closed and evaluated unsatisfied the same day → redone (重办) with a
  // fresh resolve deadline 7 working days after 11-09 = 11-18 24:00, still open now: late.
  await steps(await reportAt('2026-11-07T10:00:00', 'walkIn', 'proxy'), [
    ['2026-11-09T09:00:00', worker, 'accept'],
    ['2026-11-09T09:00:00', worker, 'start'],
    ['2026-11-09T11:00:00', worker, 'resolve', { note: '已代办' }],
    ['2026-11-09T11:00:00', village, 'verify', { passed: true }],
    ['2026-11-09T11:00:00', village, 'close'],
    ['2026-11-09T15:00:00', worker, 'evaluate', { rating: 'unsatisfied', comment: '材料不全' }],
  ]);
  // T4 gridWorker/proxy. Received Tue 11-03, resolved on the spot (自办自结): closed on time, 0
  // working days, handled by the grid, responded.
  await steps(await reportAt('2026-11-03T09:00:00', 'gridWorker', 'proxy'), [
    ['2026-11-03T09:30:00', worker, 'selfResolve', { note: '当场办结' }],
  ]);
  // T5 gridWorker/policy. Received Wed 11-04; escalated to the village, which returns it (回退) on
  // Thu 11-05; the grid starts it Thu 10:00 (accept due 11-05 24:00: in time). Never resolved:
  // resolve due 11-13 24:00, so late now.
  await steps(await reportAt('2026-11-04T09:00:00', 'gridWorker', 'policy'), [
    ['2026-11-04T09:10:00', worker, 'accept'],
    ['2026-11-04T09:10:00', worker, 'escalate'],
    ['2026-11-05T09:00:00', village, 'return', { note: '属网格职责' }],
    ['2026-11-05T10:00:00', worker, 'start'],
  ]);
  // T6 hotline12345/proxy. Received Sun 11-08 (a rest day); escalated grid → village → township on
  // Mon 11-09, started by the township that morning (accept due 11-09 24:00: in time); resolved Thu
  // 11-12 (due 11-17): on time. Working days to close: 11-09, 11-10, 11-11, 11-12 = 4 (the day of
  // receipt is not counted). Closed, not evaluated. Handled by the township.
  await steps(await reportAt('2026-11-08T10:00:00', 'hotline12345', 'proxy'), [
    ['2026-11-09T09:00:00', worker, 'accept'],
    ['2026-11-09T09:00:00', worker, 'escalate'],
    ['2026-11-09T09:30:00', village, 'escalate', { note: '需镇里协调' }],
    ['2026-11-09T10:00:00', township, 'start'],
    ['2026-11-10T10:00:00', township, 'feedback', { note: '已联系' }],
    ['2026-11-12T10:00:00', township, 'resolve', { note: '已办理' }],
    ['2026-11-12T15:00:00', village, 'verify', { passed: true }],
    ['2026-11-12T15:00:00', village, 'close'],
  ]);
  // T7 gridWorker/policy. Received Tue 11-10, rejected as invalid (不予受理).
  await steps(await reportAt('2026-11-10T09:00:00', 'gridWorker', 'policy'), [
    ['2026-11-10T09:30:00', worker, 'reject', { reason: 'invalid', note: '不属实' }],
  ]);
  // T8 hotline12345/policy. Received Thu 11-19, untouched: accept due 11-20 24:00, not late yet,
  // not responded and its response not yet due (out of 响应率); resolve due 11-30, not due.
  await reportAt('2026-11-19T09:00:00', 'hotline12345', 'policy');
  // October, apart from the nine: T10 resolved on the spot, evaluated unsatisfied (redone), resolved
  // and closed again, reopened and rejected as invalid: redone, but no longer a valid ticket. T11
  // resolved on the spot and redone, still open.
  await steps(await reportAt('2026-10-19T09:00:00', 'gridWorker', 'proxy'), [
    ['2026-10-19T09:30:00', worker, 'selfResolve', { note: '当场办结' }],
    ['2026-10-19T10:00:00', worker, 'evaluate', { rating: 'unsatisfied', comment: '未办好' }],
    ['2026-10-19T11:00:00', worker, 'resolve', { note: '重办完毕' }],
    ['2026-10-19T11:30:00', village, 'verify', { passed: true }],
    ['2026-10-19T11:30:00', village, 'close'],
    ['2026-10-20T09:00:00', village, 'reopen', { note: '复查' }],
    ['2026-10-20T09:30:00', worker, 'reject', { reason: 'invalid', note: '不属实' }],
  ]);
  await steps(await reportAt('2026-10-19T09:00:00', 'gridWorker', 'proxy'), [
    ['2026-10-19T09:30:00', worker, 'selfResolve', { note: '当场办结' }],
    ['2026-10-19T10:00:00', worker, 'evaluate', { rating: 'unsatisfied', comment: '未办好' }],
  ]);
  // T9 gridWorker/proxy. Received Mon 11-09, started at once; resolved Thu 11-19, after the resolve
  // deadline 11-18 24:00, and not yet verified: due but not closed, and no stage running (not late now).
  await steps(await reportAt('2026-11-09T09:00:00', 'gridWorker', 'proxy'), [
    ['2026-11-09T09:30:00', worker, 'accept'],
    ['2026-11-09T09:30:00', worker, 'start'],
    ['2026-11-19T10:00:00', worker, 'resolve', { note: '已代办' }],
  ]);
}

const noLevels = { grid: 0, village: 0, township: 0, county: 0, department: 0 };

/**
 * All nine tickets, now (11-20 10:00):
 * received 9, rejected 1 (T7), valid 8; closed 4 (T1, T2 evaluated; T4, T6 closed), on time 3
 * (T2 overdue); open 3 (T3, T5, T8), late now 2 (T3, T5); due = closed 4 + open past the resolve
 * deadline 2 (T3, T5) + resolved past it, not closed 1 (T9) = 7.
 */
const totals = {
  received: 9,
  rejected: 1,
  due: 7,
  closed: 4,
  closedOnTime: 3,
  overdueNow: 2,
  openNow: 3,
  completionRate: 0.5714, // 办结率 4/7
  onTimeRate: 0.4286, // 按期办结率 3/7
  // 响应率: T1, T3, T4, T5, T6, T9 in time / 7 whose response was due: the 8 valid but T8 (accept due
  // 11-20 24:00, still to come); T2 handed on late.
  responseRate: 0.8571,
  resolutionRate: 0.6667, // 解决率: satisfied T1 + basically T2 / evaluated T1, T2, T3 = 2/3
  satisfactionRate: 0.3333, // 满意率: T1 / 3
  selfResolvedShare: 0.125, // T4 / 8
  redoRate: 0.125, // T3 / 8
  returnRate: 0.125, // T5 / 8
  avgWorkdaysToClose: 3.75, // (T1 2 + T2 9 + T4 0 + T6 4) / 4
  levels: { ...noLevels, grid: 2, village: 1, township: 1 }, // closed: T1, T4 grid; T2 village; T6 township
};

/** by=channel: gridWorker T1 T4 T5 T7 T9; hotline12345 T2 T6 T8; walkIn T3. */
const byChannel = {
  gridWorker: {
    ...{ received: 5, rejected: 1, due: 4, closed: 2, closedOnTime: 2, overdueNow: 1, openNow: 1 }, // due: T1 T4 + T5 + T9
    ...{ completionRate: 0.5, onTimeRate: 0.5, responseRate: 1, resolutionRate: 1, satisfactionRate: 1 }, // 2/4, 2/4, 4/4, 1/1, 1/1
    ...{ selfResolvedShare: 0.25, redoRate: 0, returnRate: 0.25, avgWorkdaysToClose: 1 }, // T4/4, T5/4, (2 + 0)/2
    levels: { ...noLevels, grid: 2 },
  },
  hotline12345: {
    ...{ received: 3, rejected: 0, due: 2, closed: 2, closedOnTime: 1, overdueNow: 0, openNow: 1 },
    ...{ completionRate: 1, onTimeRate: 0.5, responseRate: 0.5, resolutionRate: 1, satisfactionRate: 0 }, // T6 of T2, T6 in time (T8 not due); T2 basically
    ...{ selfResolvedShare: 0, redoRate: 0, returnRate: 0, avgWorkdaysToClose: 6.5 }, // (9 + 4)/2
    levels: { ...noLevels, village: 1, township: 1 },
  },
  walkIn: {
    ...{ received: 1, rejected: 0, due: 1, closed: 0, closedOnTime: 0, overdueNow: 1, openNow: 1 },
    ...{ completionRate: 0, onTimeRate: 0, responseRate: 1, resolutionRate: 0, satisfactionRate: 0 }, // T3 unsatisfied
    ...{ selfResolvedShare: 0, redoRate: 1, returnRate: 0, avgWorkdaysToClose: null },
    levels: noLevels,
  },
};

/** by=category: 政策咨询 (policy) T1 T2 T5 T7 T8; 公共服务代办 (proxy) T3 T4 T6 T9. */
const byCategory = {
  policy: {
    ...{ received: 5, rejected: 1, due: 3, closed: 2, closedOnTime: 1, overdueNow: 1, openNow: 2 }, // due: T1 T2 + T5
    ...{ completionRate: 0.6667, onTimeRate: 0.3333, responseRate: 0.6667, resolutionRate: 1, satisfactionRate: 0.5 }, // T1 T5 of T1 T2 T5 in time (T8 not due)
    ...{ selfResolvedShare: 0, redoRate: 0, returnRate: 0.25, avgWorkdaysToClose: 5.5 }, // (2 + 9)/2
    levels: { ...noLevels, grid: 1, village: 1 },
  },
  proxy: {
    ...{ received: 4, rejected: 0, due: 4, closed: 2, closedOnTime: 2, overdueNow: 1, openNow: 1 }, // due: T4 T6 + T3 + T9
    ...{ completionRate: 0.5, onTimeRate: 0.5, responseRate: 1, resolutionRate: 0, satisfactionRate: 0 }, // T3 unsatisfied
    ...{ selfResolvedShare: 0.25, redoRate: 0.25, returnRate: 0, avgWorkdaysToClose: 2 }, // (0 + 4)/2
    levels: { ...noLevels, grid: 1, township: 1 },
  },
};

async function statistics(user: Client, unitId: number, by?: 'channel' | 'category', month = '11') {
  const res = await send(
    user,
    'GET',
    `/api/v1/tickets/statistics?unitId=${unitId}&from=2026-${month}-01&to=2026-${month}-30${by ? `&by=${by}` : ''}`,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { totals: Json; rows: Json[] };
}
const rowsByKey = (rows: Json[]) => Object.fromEntries(rows.map(({ id: _id, key, name: _name, ...figures }) => [key, figures]));

describe('statistics, against values worked out by hand', () => {
  it('gives every figure of the county (from the summaries) and of the village (from the tickets)', async () => {
    expect((await statistics(w.users.dispatcher, w.county.id)).totals).toEqual(totals);
    expect((await statistics(w.users.village, w.village.id)).totals).toEqual(totals);
    // The same figures by child unit: everything lies in the township.
    const byUnit = await send(
      w.users.dispatcher,
      'GET',
      `/api/v1/tickets/statistics?unitId=${w.county.id}&from=2026-11-01&to=2026-11-30&by=unit`,
    );
    expect(byUnit.body.rows).toEqual([{ id: w.township.id, key: w.township.code, name: '东塘镇', ...totals }]);
  });

  it('gives the rows by channel', async () => {
    for (const [user, unitId] of [
      [w.users.dispatcher, w.county.id],
      [w.users.village, w.village.id],
    ] as const) {
      const s = await statistics(user, unitId, 'channel');
      expect(s.totals).toEqual(totals);
      expect(rowsByKey(s.rows)).toEqual(byChannel);
    }
  });

  it('gives the rows by category, from the summaries and from the tickets alike', async () => {
    for (const [user, unitId] of [
      [w.users.dispatcher, w.county.id],
      [w.users.village, w.village.id],
    ] as const) {
      const s = await statistics(user, unitId, 'category');
      expect(s.totals).toEqual(totals);
      expect(rowsByKey(s.rows)).toEqual(byCategory);
      expect(s.rows.map((r) => r.name)).toEqual(['政策咨询', '公共服务代办']);
    }
  });

  it('counts a ticket in 响应率 once its accept deadline has passed, from the summaries and from the tickets', async () => {
    // Saturday 11-21: T8's accept deadline (11-20 24:00) has passed without a hand-on: 6 of 8.
    rt.clock.set(cst('2026-11-21T09:00:00'));
    try {
      for (const [user, unitId] of [
        [w.users.dispatcher, w.county.id],
        [w.users.village, w.village.id],
      ] as const) {
        const s = await statistics(user, unitId, 'category');
        expect(s.totals.responseRate).toBe(0.75);
        expect(rowsByKey(s.rows).policy.responseRate).toBe(0.5); // T1 T5 of T1 T2 T5 T8
      }
    } finally {
      rt.clock.set(cst('2026-11-20T10:00:00'));
    }
  });

  it('counts the redo rate and the self-resolved share over valid tickets: one rejected after is in neither part', async () => {
    // October: T10 (self-resolved, redone, rejected) and T11 (self-resolved, redone): 1 of 1 valid.
    const october = async () =>
      [
        (await statistics(w.users.dispatcher, w.county.id, undefined, '10')).totals, // from the summaries
        (await statistics(w.users.village, w.village.id, undefined, '10')).totals, // from the tickets
      ].map((t: Json) => [t.received, t.rejected, t.redoRate, t.selfResolvedShare]);
    expect(await october()).toEqual([
      [2, 1, 1, 1],
      [2, 1, 1, 1],
    ]);
    // The list behind the self-resolved share counts the same ticket: T11, not T10.
    const listed = await send(
      w.users.village,
      'GET',
      `/api/v1/tickets?within=${w.village.id}&from=2026-10-01&to=2026-10-30&selfResolved=true`,
    );
    expect(listed.body.items.map((t: Json) => t.state)).toEqual(['inProgress']);
    // Migration 0019 takes such tickets out of the summaries. Down puts T10's redo back: 2 redone of 1
    // valid, a rate the endpoint cannot even send (a Rate is at most 1: it answered 500). Its
    // self-resolution stays out either way: reopening it cleared that.
    const db = rt.db.db as unknown as Kysely<unknown>;
    await m0019.down(db);
    try {
      const county = await rt.services.statistics.statistics(systemActor, {
        unitId: w.county.id,
        from: '2026-10-01',
        to: '2026-10-30',
      });
      expect([county.totals.redoRate, county.totals.selfResolvedShare]).toEqual([2, 1]);
    } finally {
      await m0019.up(db);
      await m0022.up(db); // the trigger function as it is now (0019's, in one statement)
    }
    expect(await october()).toEqual([
      [2, 1, 1, 1],
      [2, 1, 1, 1],
    ]);
  });

  it('gives the command center the same 办结率 and 按期办结率 for the month', async () => {
    const d = await rt.services.dashboard.overview(systemActor, { unitId: w.county.id, month: '2026-11' });
    expect([d.figures.completionRate.value, d.figures.onTimeRate.value]).toEqual([totals.completionRate, totals.onTimeRate]);
  });

  it('counts only what the caller may see: the other village sees none of it', async () => {
    const other = await send(
      w.users.village2,
      'GET',
      `/api/v1/tickets/statistics?unitId=${w.village2.id}&from=2026-11-01&to=2026-11-30`,
    );
    expect(other.status).toBe(200);
    expect(other.body.totals).toMatchObject({ received: 0, due: 0, completionRate: null, avgWorkdaysToClose: null });
  });
});

describe('working days to close', () => {
  it('counts as deadlines do: not the day of receipt, a rest day as the next working day', async () => {
    const cal = await rt.services.calendar.current();
    const took = (from: string, to: string) => workdaysToClose(cal, cst(from), cst(to));
    expect(took('2026-11-04T09:00:00', '2026-11-04T18:00:00')).toBe(0); // the same day
    expect(took('2026-11-04T09:00:00', '2026-11-05T08:00:00')).toBe(1); // Wed → Thu
    expect(took('2026-11-08T10:00:00', '2026-11-09T15:00:00')).toBe(1); // Sun → Mon, as Wed → Thu
    expect(took('2026-11-06T17:00:00', '2026-11-07T10:00:00')).toBe(1); // Fri → Sat: within 1 working day
    expect(took('2026-11-05T09:00:00', '2026-11-08T10:00:00')).toBe(2); // Thu → Sun: past Friday, within Monday
    // Across National Day: 7 working days after 2026-09-30 end on 2026-10-15 (domain.md §5).
    expect(took('2026-09-30T09:00:00', '2026-10-08T10:00:00')).toBe(1);
    expect(took('2026-09-30T09:00:00', '2026-10-15T23:00:00')).toBe(7);
    expect(took('2026-10-03T09:00:00', '2026-10-15T23:00:00')).toBe(7); // received in the holiday: same deadline day
  });
});

/**
 * The inbox's "to evaluate" (回访) and "supervised" (督办) boxes: each user sees there exactly the
 * tickets that wait for them, with the light and the working days left, as the clock moves through
 * November 2026 (no holidays; weekends 7–8). And the index the held boxes are answered from.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldBy } from '../src/modules/tickets/inbox.service.ts';
import type { Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { inGrid, op, report, send, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely typed JSON bodies
type Json = any;

let rt: TestRuntime;
let w: TicketWorld;

beforeAll(async () => {
  // The clock travels weeks ahead: sessions must outlive it.
  rt = await testRuntime({ sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 });
  w = await ticketWorld(rt);
});
afterAll(() => rt?.close());

/** China time → instant. */
const cst = (local: string) => new Date(`${local}+08:00`);
const at = (local: string) => rt.clock.set(cst(local));
const inVillage2 = { lng: 112.7, lat: 28.2 };

async function reportAs(user: Client, title: string, location = inGrid): Promise<Json> {
  const r = await report(user, {
    title,
    description: '待办测试',
    categoryId: w.cat('policy').id,
    channel: 'gridWorker',
    location,
  });
  if (r.status !== 201) throw new Error(`report → ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function box(user: Client, name: string): Promise<Json[]> {
  const res = await send(user, 'GET', `/api/v1/tickets/inbox?box=${name}&limit=100`);
  expect(res.status).toBe(200);
  expect(res.body.total).toBe(res.body.items.length);
  return res.body.items;
}
/** The titles in a box, of this test's tickets only (each test's titles have their own prefix). */
const titles = async (user: Client, name: string, prefix = name === 'supervised' ? '督办' : '回访') =>
  (await box(user, name)).map((t) => t.title as string).filter((t) => t.startsWith(prefix));
/** The box's count from /inbox/counts: the whole box, so compared with its full list as well. */
async function count(user: Client, name: string) {
  const n = (await send(user, 'GET', '/api/v1/tickets/inbox/counts')).body[name] as number;
  expect(n).toBe((await box(user, name)).length);
  return n;
}

describe('inbox: to evaluate', () => {
  it('shows a closed, unevaluated ticket to those whose area holds it, for 30 days after closing', async () => {
    const { worker, village, village2, township, dispatcher, handler } = w.users;
    at('2026-11-02T09:00:00');
    const e1 = await op(worker, await reportAs(worker, '回访：东塘'), 'selfResolve', { note: '当场办结' });
    const e2 = await reportAs(village2, '回访：新塘', inVillage2);
    expect(e2.holder.name).toBe('新塘村');
    await op(village2, e2, 'selfResolve', { note: '当场办结' });
    // Resolved but not yet verified and closed: to verify, not to evaluate.
    const e3 = await op(worker, await op(worker, await reportAs(worker, '回访：待核查'), 'accept'), 'start');
    expect((await op(worker, e3, 'resolve', { note: '已办' })).state).toBe('resolved');
    // Already evaluated: nothing left to do.
    const e4 = await op(worker, await reportAs(worker, '回访：已评价'), 'selfResolve', { note: '当场办结' });
    await op(worker, e4, 'evaluate', { rating: 'satisfied' });

    at('2026-11-03T10:00:00');
    for (const user of [worker, village]) expect(await titles(user, 'toEvaluate')).toEqual(['回访：东塘']);
    expect(await titles(village2, 'toEvaluate')).toEqual(['回访：新塘']);
    // The township and the county cover both villages.
    for (const user of [township, dispatcher])
      expect((await titles(user, 'toEvaluate')).sort()).toEqual(['回访：东塘', '回访：新塘']);
    // A department handler evaluates nothing: the box follows the area, not the departments.
    expect(await titles(handler, 'toEvaluate')).toEqual([]);
    expect(await titles(village, 'toVerify')).toEqual(['回访：待核查']);
    expect(await titles(worker, 'toVerify')).toEqual([]); // its own resolution
    expect(await count(worker, 'toEvaluate')).toBe(1);
    expect(await count(dispatcher, 'toEvaluate')).toBe(2);
    // A finished ticket has no light and no working days left, but its result.
    const [item] = await box(worker, 'toEvaluate');
    expect(item).toMatchObject({ id: e1.id, state: 'closed', light: null, workdaysLeft: null, dueAt: null, result: 'onTime' });

    // Closed 2026-11-02 09:00: in the box until 30 days later, then only in the lists.
    at('2026-12-02T08:59:00');
    expect(await titles(worker, 'toEvaluate')).toEqual(['回访：东塘']);
    at('2026-12-02T09:01:00');
    expect(await titles(worker, 'toEvaluate')).toEqual([]);
    expect(await count(worker, 'toEvaluate')).toBe(0);
    expect((await send(worker, 'GET', `/api/v1/tickets/${e1.id}`)).body.state).toBe('closed');
  });
});

describe('inbox: supervised', () => {
  it('shows a red ticket with a notice to its holder only, with its light and working days left', async () => {
    const { worker, village, village2, township, dispatcher, handler, handler2 } = w.users;
    at('2026-11-02T09:00:00');
    // Accepted but never handed on: the accept stage is due 11-03 24:00.
    const s1 = await op(worker, await reportAs(worker, '督办：网格'), 'accept');
    const s3 = await op(worker, await reportAs(worker, '督办：转村'), 'accept');
    // Assigned to a county bureau at once: its feedback stage is due 11-05 24:00.
    let d1 = await reportAs(worker, '督办：部门');
    at('2026-11-02T10:00:00');
    d1 = await op(dispatcher, d1, 'assign', { toDepartmentId: w.departmentId });
    at('2026-11-04T09:00:00');
    const y1 = await reportAs(worker, '督办：将到期'); // accept due 11-05 24:00

    at('2026-11-04T10:00:00');
    await rt.services.supervision.sweep();
    // Red since 11-03 24:00 with a notice; escalated, the ticket takes its supervision to the village.
    expect((await op(worker, s3, 'escalate', { note: '需村里协调' })).holder.name).toBe('东塘村');

    at('2026-11-05T10:00:00');
    await rt.services.supervision.sweep();
    const [item] = (await box(worker, 'supervised')).filter((t) => t.title.startsWith('督办'));
    // The red stage's deadline; 11-04 has passed whole since it: −1 working day.
    expect(item).toMatchObject({
      id: s1.id,
      light: 'red',
      supervisionLevel: 'normal',
      dueAt: '2026-11-03T16:00:00.000Z',
      workdaysLeft: -1,
    });
    expect(await titles(worker, 'supervised')).toEqual(['督办：网格']);
    expect(await titles(village, 'supervised')).toEqual(['督办：转村']);
    // Superiors, other villages and the dispatcher see the tickets but do not hold them.
    for (const user of [township, village2, dispatcher, handler]) expect(await titles(user, 'supervised')).toEqual([]);
    // Yellow on its due day, not supervised: 1 working day left (today).
    expect(await titles(worker, 'supervised')).not.toContain('督办：将到期');
    expect((await box(worker, 'toAccept')).find((t) => t.id === y1.id)).toMatchObject({ light: 'yellow', workdaysLeft: 1 });
    expect(await count(worker, 'supervised')).toBeGreaterThanOrEqual(1);

    at('2026-11-06T10:00:00');
    await rt.services.supervision.sweep();
    // The bureau's feedback stage went red at 11-05 24:00: its handlers see it, the other bureau's do not.
    expect((await box(handler, 'supervised')).filter((t) => t.title.startsWith('督办'))).toMatchObject([
      { id: d1.id, light: 'red', workdaysLeft: 0, supervisionLevel: 'normal' },
    ]);
    expect(await titles(handler2, 'supervised')).toEqual([]);
    // Red first, then the nearest deadline: s1 (due 11-03) before y1 (due 11-05).
    expect(await titles(worker, 'supervised')).toEqual(['督办：网格', '督办：将到期']);
    // Resolved, it waits for verification: no longer the holder's to handle.
    const started = await op(worker, (await send(worker, 'GET', `/api/v1/tickets/${s1.id}`)).body, 'start');
    await op(worker, started, 'resolve', { note: '已办结' });
    expect(await titles(worker, 'supervised')).toEqual(['督办：将到期']);
    expect(await count(worker, 'supervised')).toBeGreaterThanOrEqual(1);
  });
});

describe('inbox: the open tickets a unit holds', () => {
  it('are found, sorted and counted from their own index, without reading the table', async () => {
    const held = heldBy([w.grid.id], []);
    const explain = async (select: string, order = '') => {
      const q = sql`explain select ${sql.raw(select)} from ticket t
        where t.state in ('reported','accepted','assigned','inProgress') and ${held} ${sql.raw(order)}`.compile(rt.db.db);
      return rt.db.raw.transaction(async (c) => {
        // The test tables are tiny: price the other ways out so the plan shows what the index allows.
        await c.query('set local enable_seqscan = off');
        await c.query('set local enable_bitmapscan = off');
        return (await c.query<{ 'QUERY PLAN': string }>(q.sql, [...q.parameters])).rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    };
    // The boxes' counts (state, light, supervision) and the page's order (light, then the deadline).
    expect(await explain('count(*)')).toMatch(/Index Only Scan using ticket_held_open_idx/);
    expect(await explain('t.state, t.light, t.supervision_level')).toMatch(/Index Only Scan using ticket_held_open_idx/);
    const page = await explain(
      't.id',
      `order by case t.light when 'red' then 0 when 'yellow' then 1 else 2 end,
         coalesce(case when t.dispatched_at is null then t.accept_due_at end, t.resolve_due_at), t.id limit 50`,
    );
    expect(page).toMatch(/Index Only Scan using ticket_held_open_idx/);
  });
});

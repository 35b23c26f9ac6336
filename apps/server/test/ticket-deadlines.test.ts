/**
 * Tickets across time: lights to the hour through the 2026 National Day holiday and its adjusted
 * Saturday, the supervision sweep (idempotent under concurrency), extensions and consultations,
 * the inbox, statistics and the live event stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { neighbourDispute, op, report, send, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

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
const get = async (id: number) => (await api(w.users.worker, 'GET', `/api/v1/tickets/${id}`)).body;
const notices = async (ticketId: number) =>
  (await send(w.users.dispatcher, 'GET', `/api/v1/supervision/notices?ticketId=${ticketId}`)).body.items as {
    number: string;
    stage: string;
    level: string;
  }[];

describe('lights and supervision', () => {
  it('turns yellow at 00:00 of the due day and red at 24:00, to the hour, then issues one notice per breach', async () => {
    rt.clock.set(cst('2026-09-30T09:00:00'));
    const t = (await report(w.users.worker, neighbourDispute(w))).body;
    const light = async (local: string) => {
      rt.clock.set(cst(local));
      await rt.services.supervision.sweep();
      return (await get(t.id)).light;
    };
    // 1 working day: National Day runs 10-01 to 10-07, so the accept stage is due 2026-10-08 24:00.
    expect(await light('2026-10-07T23:59:59')).toBe('green');
    expect(await light('2026-10-08T00:00:00')).toBe('yellow');
    expect(await light('2026-10-08T23:59:59')).toBe('yellow');
    expect(await light('2026-10-09T00:00:00')).toBe('red');
    const first = await notices(t.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ stage: 'accept', level: 'normal' });
    expect(first[0]!.number).toMatch(/^督办〔2026〕第\d+号$/);
    // Two sweeps at once, then again: still one notice for this breach.
    await Promise.all([rt.services.supervision.sweep(), rt.services.supervision.sweep()]);
    await rt.services.supervision.sweep();
    expect(await notices(t.id)).toHaveLength(1);
    const timeline = (await api(w.users.worker, 'GET', `/api/v1/tickets/${t.id}/timeline`)).body as {
      op: string;
      detail: { light?: string };
    }[];
    expect(timeline.filter((e) => e.op === 'light').map((e) => e.detail.light)).toEqual(['yellow', 'red']);
    expect(timeline.filter((e) => e.op === 'supervise')).toHaveLength(1);
  });

  it('keeps the feedback stage to 2026-10-10, the adjusted Saturday, and raises the supervision after 5 more working days', async () => {
    rt.clock.set(cst('2026-09-30T09:00:00'));
    let t = (await report(w.users.worker, neighbourDispute(w))).body;
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'start');
    rt.clock.set(cst('2026-10-10T12:00:00'));
    await rt.services.supervision.sweep();
    const d = (await get(t.id)).deadlines.find((x: { stage: string }) => x.stage === 'feedback');
    expect(d).toMatchObject({ light: 'yellow', workdaysLeft: 1 });
    rt.clock.set(cst('2026-10-11T00:00:00'));
    await rt.services.supervision.sweep();
    expect((await get(t.id)).light).toBe('red');
    // Red since 10-10 24:00; five more working days (10-12 … 10-16) → 黄牌 from 10-16 24:00.
    rt.clock.set(cst('2026-10-16T23:00:00'));
    await rt.services.supervision.sweep();
    // The resolution stage (due 10-15 24:00) is red too, with its own notice.
    expect((await notices(t.id)).map((n) => `${n.stage}:${n.level}`).sort()).toEqual(['feedback:normal', 'resolve:normal']);
    rt.clock.set(cst('2026-10-17T00:00:00'));
    await rt.services.supervision.sweep();
    expect((await notices(t.id)).map((n) => `${n.stage}:${n.level}`).sort()).toEqual([
      'feedback:normal',
      'feedback:yellowCard',
      'resolve:normal',
    ]);
    expect((await get(t.id)).supervisionLevel).toBe('yellowCard');
    // Feedback stops the stage: nothing more for it.
    t = await op(w.users.worker, await get(t.id), 'feedback', { note: '已联系双方' });
    expect(t.deadlines.find((x: { stage: string }) => x.stage === 'feedback').light).toBeNull();
  });

  it('only looks at tickets whose check time has come', async () => {
    rt.clock.set(cst('2026-11-02T10:00:00'));
    await rt.services.supervision.sweep();
    const again = await rt.services.supervision.sweep();
    expect(again.checked).toBe(0);
  });
});

describe('extensions and consultations', () => {
  it('moves the resolution deadline by approved working days, counted, and keeps the original', async () => {
    rt.clock.set(cst('2026-09-30T09:00:00'));
    let t = (await report(w.users.worker, neighbourDispute(w))).body;
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'start');
    t = await op(w.users.worker, t, 'requestExtension', { workdays: 3, reason: '需等待鉴定结果' });
    expect(t.pendingExtension).toMatchObject({ workdays: 3 });
    expect(t.allowedOperations).not.toContain('requestExtension');
    const self = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/decideExtension`, {
      version: t.version,
      approve: true,
    });
    expect(self.status).toBe(403);
    t = await op(w.users.village, t, 'decideExtension', { approve: true });
    const resolve = t.deadlines.find((x: { stage: string }) => x.stage === 'resolve');
    // 2026-10-15 + 3 working days = 2026-10-20 24:00.
    expect(resolve).toMatchObject({ dueAt: '2026-10-20T16:00:00.000Z', originalDueAt: '2026-10-15T16:00:00.000Z' });
    expect(t.counts.extensions).toBe(1);
  });

  it('makes the committed date of a consultation the deadline', async () => {
    rt.clock.set(cst('2026-09-30T09:00:00'));
    let t = (await report(w.users.worker, neighbourDispute(w))).body;
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'start');
    const past = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/consult`, {
      version: t.version,
      participants: ['县领导'],
      decision: '分步解决',
      committedDate: '2026-09-01',
    });
    expect(past.status).toBe(400);
    t = await op(w.users.township, t, 'consult', {
      participants: ['县领导', '县水利局', '东塘镇', '东塘村委会'],
      decision: '四方会诊：先疏通后修复',
      committedDate: '2026-11-20',
    });
    expect(t.consultation.committedDate).toBe('2026-11-20');
    expect(t.deadlines.find((x: { stage: string }) => x.stage === 'resolve')).toMatchObject({
      dueAt: '2026-11-20T16:00:00.000Z',
      originalDueAt: '2026-10-15T16:00:00.000Z',
    });
  });
});

describe('calendar', () => {
  it('warns on the ticket when a deadline falls in a year without an official calendar', async () => {
    rt.clock.set(cst('2026-12-28T10:00:00'));
    const t = (await report(w.users.worker, neighbourDispute(w))).body;
    expect(t.calendarWarning).toContain('2027');
    rt.clock.set(cst('2026-09-30T09:00:00'));
  });
});

describe('inbox and statistics', () => {
  it('shows each user what waits for them', async () => {
    rt.clock.set(cst('2026-09-30T09:00:00'));
    const t = (await report(w.users.worker, neighbourDispute(w))).body;
    const counts = (await send(w.users.worker, 'GET', '/api/v1/tickets/inbox/counts')).body;
    expect(counts.toAccept).toBeGreaterThan(0);
    const box = (await send(w.users.worker, 'GET', '/api/v1/tickets/inbox?box=toAccept&limit=500')).body;
    expect(box.items.map((i: { id: number }) => i.id)).toContain(t.id);
    const village = (await send(w.users.village, 'GET', '/api/v1/tickets/inbox?box=toAccept')).body;
    expect(village.items.map((i: { id: number }) => i.id)).not.toContain(t.id);
    expect((await send(w.users.village2, 'GET', `/api/v1/tickets/${t.id}`)).status).toBe(404);
  });

  it('counts the period by category and level, scoped', async () => {
    const s = (
      await send(
        w.users.township,
        'GET',
        `/api/v1/tickets/statistics?unitId=${w.township.id}&from=2026-09-01&to=2026-12-31&by=category`,
      )
    ).body;
    expect(s.totals.received).toBeGreaterThan(0);
    expect(s.totals.received).toBe(s.rows.reduce((a: number, r: { received: number }) => a + r.received, 0));
    const rows = await rt.db.db.selectFrom('ticket').select(['state', 'handled_level']).execute();
    expect(s.totals.received).toBe(rows.length);
    expect(s.totals.closed).toBe(rows.filter((r) => ['closed', 'evaluated'].includes(r.state)).length);
    const v2 = await send(
      w.users.village2,
      'GET',
      `/api/v1/tickets/statistics?unitId=${w.township.id}&from=2026-09-01&to=2026-12-31`,
    );
    expect(v2.status).toBe(404);
    const bad = await send(w.users.township, 'GET', `/api/v1/tickets/statistics?from=2026-12-31&to=2026-01-01`);
    expect(bad.status).toBe(400);
  });
});

describe('live events', () => {
  it('streams a new assignment to the holder within its scope', async () => {
    rt.clock.set(cst('2026-09-30T09:00:00'));
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    const address = rt.app.server.address() as { port: number };
    const ctrl = new AbortController();
    const res = await fetch(`http://127.0.0.1:${address.port}/api/v1/tickets/events`, {
      headers: { cookie: w.users.worker.cookie },
      signal: ctrl.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const t = (await report(w.users.worker, neighbourDispute(w, { title: '实时推送测试' }))).body;
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('实时推送测试') && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    ctrl.abort();
    const frame = text.split('\n\n').find((f) => f.includes('实时推送测试'))!;
    const data = JSON.parse(
      frame
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6),
    );
    expect(data).toMatchObject({ kind: 'assigned', forYou: true, ticket: { id: t.id } });
  });
});

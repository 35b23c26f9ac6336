/**
 * The loop's less travelled steps: reject (invalid, or a duplicate naming its original) and reopen,
 * a reopened ticket that had been resolved on the spot, assign to a unit below, a refused
 * extension, the resolver who may not verify their own work, a "basically" rating, an urgent report
 * skipping levels, an operation's Idempotency-Key reused with another body, and a ticket closed
 * after its deadline (overdue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { neighbourDispute, op, report, send, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;

beforeAll(async () => {
  rt = await testRuntime();
  w = await ticketWorld(rt);
});
afterAll(() => rt?.close());

const newTicket = async (extra: Record<string, unknown> = {}) => (await report(w.users.worker, neighbourDispute(w, extra))).body;
const opsOf = async (id: number) =>
  (await api(w.users.worker, 'GET', `/api/v1/tickets/${id}/timeline`)).body.map((e: { op: string }) => e.op);

describe('the loop, less travelled', () => {
  it('rejects as invalid, and as a duplicate only naming an existing original; a superior reopens', async () => {
    const original = await newTicket();
    let t = await newTicket();
    const nameless = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/reject`, {
      version: t.version,
      reason: 'duplicate',
    });
    expect([nameless.status, nameless.body.errors?.[0]?.path]).toEqual([400, '/body/duplicateOfId']);
    const itself = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/reject`, {
      version: t.version,
      reason: 'duplicate',
      duplicateOfId: t.id,
    });
    expect(itself.status).toBe(400);
    t = await op(w.users.worker, t, 'reject', { reason: 'duplicate', duplicateOfId: original.id, note: '与前一件同一事' });
    expect(t.state).toBe('rejected');
    expect(t.allowedOperations).toEqual([]);

    const junk = await op(w.users.worker, await newTicket({ title: '测试上报' }), 'reject', { reason: 'invalid', note: '误报' });
    expect(junk.state).toBe('rejected');
    // The grid may not reopen what it rejected; its village may, with a reason.
    expect(
      (await send(w.users.worker, 'POST', `/api/v1/tickets/${junk.id}/reopen`, { version: junk.version, note: '复核' })).status,
    ).toBe(403);
    const noReason = await send(w.users.village, 'POST', `/api/v1/tickets/${junk.id}/reopen`, { version: junk.version });
    expect(noReason.status).toBe(400);
    const reopened = await op(w.users.village, junk, 'reopen', { note: '核实确有其事' });
    expect(reopened.state).toBe('accepted');
    expect(await opsOf(junk.id)).toEqual(['report', 'reject', 'reopen']);
  });

  it('no longer counts a reopened ticket as resolved on the spot, until it is resolved so again', async () => {
    let t = await op(w.users.worker, await newTicket(), 'selfResolve', { note: '当场调解' });
    expect(t).toMatchObject({ state: 'closed', selfResolved: true, handledLevel: 'grid' });
    const selfResolved = async () =>
      (await api(w.users.village, 'GET', `/api/v1/tickets?selfResolved=true&limit=100`)).body.items.map(
        (x: { id: number }) => x.id,
      );
    expect(await selfResolved()).toContain(t.id);
    t = await op(w.users.village, t, 'reopen', { note: '双方再起争执' });
    expect(t).toMatchObject({ state: 'accepted', selfResolved: false, handledLevel: null });
    expect(await selfResolved()).not.toContain(t.id);
    t = await op(w.users.worker, t, 'start');
    t = await op(w.users.worker, t, 'resolve', { note: '再次调解，签订协议' });
    t = await op(w.users.village, t, 'verify', { passed: true });
    t = await op(w.users.village, t, 'close');
    expect(t).toMatchObject({ state: 'closed', selfResolved: false, handledLevel: 'grid' });
  });

  it('assigns from the village to a grid below it, which then holds it', async () => {
    let t = (
      await report(w.users.village, { ...neighbourDispute(w), location: undefined, unitId: w.village.id, channel: 'walkIn' })
    ).body;
    expect(t.holder.level).toBe('village');
    t = await op(w.users.village, t, 'assign', { toUnitId: w.grid.id, note: '请网格员上门调解' });
    expect(t).toMatchObject({ state: 'assigned', holder: { level: 'grid', name: '第1网格' } });
    t = await op(w.users.worker, t, 'start');
    expect(t.state).toBe('inProgress');
  });

  it('keeps the deadline when an extension is refused, and lets no one verify their own resolution', async () => {
    let t = await newTicket();
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'start');
    const due = t.deadlines.find((d: { stage: string }) => d.stage === 'resolve').dueAt;
    t = await op(w.users.worker, t, 'requestExtension', { workdays: 5, reason: '等待司法鉴定' });
    t = await op(w.users.village, t, 'decideExtension', { approve: false, note: '可先行调解' });
    expect(t.deadlines.find((d: { stage: string }) => d.stage === 'resolve').dueAt).toBe(due);
    // The holder may ask again.
    expect((await api(w.users.worker, 'GET', `/api/v1/tickets/${t.id}`)).body.allowedOperations).toContain('requestExtension');
    t = await op(w.users.worker, t, 'resolve', { note: '已调解' });
    // The worker resolved it, so the worker (who may verify what others resolve in the grid) may not.
    const own = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/verify`, { version: t.version, passed: true });
    expect([own.status, own.body.code]).toEqual([409, 'transition_not_allowed']);
    expect(own.body.allowed).not.toContain('verify');
    t = await op(w.users.village, t, 'verify', { passed: true });
    t = await op(w.users.village, t, 'close');
    t = await op(w.users.worker, t, 'evaluate', { rating: 'basically', comment: '基本满意' });
    expect(t).toMatchObject({ state: 'evaluated', evaluation: { rating: 'basically' } });
  });

  it('lets an urgent report skip levels even where its category does not', async () => {
    let t = await newTicket({ urgency: 'urgent', title: '邻里冲突可能激化' });
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'escalate', { toUnitId: w.township.id, note: '有激化苗头，直报镇综治中心' });
    expect(t.holder.level).toBe('township');
  });

  it('refuses an operation’s Idempotency-Key reused with another body (422), the ticket unchanged', async () => {
    const t = await newTicket();
    const key = { 'idempotency-key': `feedback-${t.id}` };
    const accepted = await op(w.users.worker, t, 'accept');
    const first = await send(
      w.users.worker,
      'POST',
      `/api/v1/tickets/${t.id}/feedback`,
      { version: accepted.version, note: '已联系双方' },
      key,
    );
    expect(first.status).toBe(200);
    const other = await send(
      w.users.worker,
      'POST',
      `/api/v1/tickets/${t.id}/feedback`,
      { version: accepted.version, note: '别的内容' },
      key,
    );
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    expect((await api(w.users.worker, 'GET', `/api/v1/tickets/${t.id}`)).body.version).toBe(first.body.version);
  });

  it('marks a ticket resolved after its deadline as overdue when it closes', async () => {
    let t = await newTicket();
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'start');
    // Reported 2026-09-30 09:00: 7 working days end 2026-10-15 24:00; resolve on the 16th. Two
    // weeks on, the sessions have long expired: the grid and the village sign in again.
    rt.clock.set('2026-10-16T02:00:00Z');
    const [worker, village] = [await signIn(rt, 'gridWorker', w.grid.id), await signIn(rt, 'villageOfficial', w.village.id)];
    t = await op(worker, t, 'resolve');
    t = await op(village, t, 'verify', { passed: true });
    t = await op(village, t, 'close');
    expect(t).toMatchObject({ state: 'closed', result: 'overdue' });
    const late = (await api(village, 'GET', `/api/v1/tickets?result=overdue`)).body.items.map((x: { id: number }) => x.id);
    expect(late).toContain(t.id);
  });
});

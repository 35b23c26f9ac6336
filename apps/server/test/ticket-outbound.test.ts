/**
 * Outbound channels (TicketNotifier.addChannel): a registered channel gets the holder's notices
 * after commit (a new assignment, a light turning yellow or red in the sweep, a supervision
 * notice); a channel that rejects or throws breaks neither the operation nor the other channels;
 * an operation that is refused or rolled back sends nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundChannel, TicketNotice } from '../src/modules/tickets/notifier.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { neighbourDispute, op, report, send, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;
const received: TicketNotice[] = [];
const failures: { channel: string; message: string }[] = [];

/** China time → instant. */
const cst = (local: string) => new Date(`${local}+08:00`);
/** Lets the deliveries begun after commit finish (they never hold up the caller). */
const settle = () => new Promise((resolve) => setImmediate(resolve));
const sentFor = (ticketId: number) => received.filter((n) => n.ticketId === ticketId).map((n) => [n.kind, n.light]);

beforeAll(async () => {
  // The clock travels to the deadlines: sessions must outlive it.
  rt = await testRuntime({ sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 });
  w = await ticketWorld(rt);
  const notifier = rt.services.ticketNotifier;
  notifier.log = {
    warn: (obj: object) => {
      const o = obj as { channel: string; err: Error };
      failures.push({ channel: o.channel, message: o.err.message });
    },
  } as typeof notifier.log;
  const throwing = {
    name: 'throwing',
    send: () => {
      throw new Error('no gateway configured');
    },
  } as unknown as OutboundChannel;
  const rejecting: OutboundChannel = { name: 'rejecting', send: async () => Promise.reject(new Error('SMS gateway down')) };
  const recording: OutboundChannel = {
    name: 'recording',
    send: async (n) => {
      received.push(n);
    },
  };
  // The failing channels come first: the recording one must still get everything.
  for (const c of [throwing, rejecting, recording]) notifier.addChannel(c);
});
afterAll(() => rt?.close());

const notificationRows = (ticketId: number) =>
  rt.db.db.selectFrom('ticket_notification').select(['id', 'kind']).where('ticket_id', '=', ticketId).orderBy('id').execute();

describe('outbound channels', () => {
  it('get each new assignment after commit, addressed to the new holder, despite channels that fail', async () => {
    rt.clock.set(cst('2026-11-02T09:00:00'));
    const failuresBefore = failures.length;
    let t = (await report(w.users.worker, neighbourDispute(w))).body;
    await settle();
    expect(sentFor(t.id)).toEqual([['assigned', 'green']]);
    const [first] = received.filter((n) => n.ticketId === t.id);
    expect(first).toMatchObject({ unitId: w.grid.id, departmentId: null, title: t.title, code: t.code });
    expect(first!.id).toBe(Number((await notificationRows(t.id))[0]!.id));

    // Accepting changes no holder: the live stream hears of it, the outbound channels do not.
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'escalate', { note: '需村里协调' });
    await settle();
    expect(t.holder.name).toBe('东塘村');
    expect(sentFor(t.id)).toEqual([
      ['assigned', 'green'],
      ['assigned', 'green'],
    ]);
    expect(received.filter((n) => n.ticketId === t.id).at(-1)).toMatchObject({ unitId: w.village.id, state: 'accepted' });
    // A county bureau: the notice names the department.
    t = await op(w.users.dispatcher, t, 'assign', { toDepartmentId: w.departmentId });
    await settle();
    expect(received.filter((n) => n.ticketId === t.id).at(-1)).toMatchObject({ kind: 'assigned', departmentId: w.departmentId });
    // Every delivery of the two failing channels was logged, and nothing else failed.
    const logged = failures.slice(failuresBefore);
    expect(logged).toHaveLength(2 * 3);
    expect(new Set(logged.map((f) => `${f.channel}: ${f.message}`))).toEqual(
      new Set(['throwing: no gateway configured', 'rejecting: SMS gateway down']),
    );
  });

  it('get the light changes and the supervision notice of the sweep', async () => {
    rt.clock.set(cst('2026-09-30T09:00:00'));
    const t = (await report(w.users.worker, neighbourDispute(w))).body;
    // Accept stage due 2026-10-08 24:00 (National Day): yellow from 00:00 that day, red after it.
    rt.clock.set(cst('2026-10-08T00:00:00'));
    await rt.services.supervision.sweep();
    await settle();
    expect(sentFor(t.id)).toEqual([
      ['assigned', 'green'],
      ['light', 'yellow'],
    ]);
    rt.clock.set(cst('2026-10-09T00:00:00'));
    const swept = await rt.services.supervision.sweep();
    expect(swept.notices).toBeGreaterThanOrEqual(1);
    await settle();
    expect(sentFor(t.id)).toEqual([
      ['assigned', 'green'],
      ['light', 'yellow'],
      ['light', 'red'],
      ['supervision', 'red'],
    ]);
    expect(received.filter((n) => n.ticketId === t.id).at(-1)).toMatchObject({ unitId: w.grid.id, departmentId: null });
    // Nothing changed since: a second sweep sends nothing.
    await rt.services.supervision.sweep();
    await settle();
    expect(sentFor(t.id)).toHaveLength(4);
  });

  it('send nothing for a refused operation, a replayed one, or one rolled back at commit', async () => {
    rt.clock.set(cst('2026-11-02T09:00:00'));
    let t = (await report(w.users.worker, neighbourDispute(w), `outbound-${Date.now()}`)).body;
    t = await op(w.users.worker, t, 'accept');
    await settle();
    const sentBefore = sentFor(t.id).length;
    const stale = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/escalate`, { version: t.version - 1 });
    expect(stale.status).toBe(409);

    // The notice is stored and queued, then the commit fails (a deferred trigger): nothing may go out.
    await sql`create function outbound_test_fail() returns trigger language plpgsql as $$
      begin raise exception 'commit refused by the test'; end $$`.execute(rt.db.db);
    await sql`create constraint trigger outbound_test_fail after insert on ticket_notification
      deferrable initially deferred for each row when (new.ticket_id = ${sql.lit(t.id)})
      execute function outbound_test_fail()`.execute(rt.db.db);
    const rowsBefore = (await notificationRows(t.id)).length;
    try {
      const failed = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/escalate`, { version: t.version });
      expect(failed.status).toBeGreaterThanOrEqual(400);
      await settle();
      expect(sentFor(t.id)).toHaveLength(sentBefore);
      expect(await notificationRows(t.id)).toHaveLength(rowsBefore);
      const unchanged = (await send(w.users.worker, 'GET', `/api/v1/tickets/${t.id}`)).body;
      expect(unchanged).toMatchObject({ version: t.version, state: 'accepted', holder: { name: '第1网格' } });
    } finally {
      await sql`drop trigger outbound_test_fail on ticket_notification`.execute(rt.db.db);
      await sql`drop function outbound_test_fail`.execute(rt.db.db);
    }

    // The same command once the database accepts it again: one notice, sent once even if retried.
    const key = { 'idempotency-key': `escalate-${t.id}` };
    const body = { version: t.version, note: '需村里协调' };
    const a = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/escalate`, body, key);
    const b = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/escalate`, body, key);
    expect([a.status, b.status]).toEqual([200, 200]);
    await settle();
    expect(sentFor(t.id).slice(sentBefore)).toEqual([['assigned', 'green']]);
  });
});

/**
 * The supervision step (督办 → 黄牌 → 红牌 after N and 2N more working days red) is a category
 * rule per urgency and stage (`supervisionStepWorkdays`, like the yellow lead), 5 by default,
 * validated; a changed step applies to red tickets from the next sweep. November 2026: weekends 7–8, 14–15.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { inGrid, op, report, send, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;
let admin: Client;

beforeAll(async () => {
  // The clock travels weeks ahead: sessions must outlive it.
  rt = await testRuntime({ sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 });
  w = await ticketWorld(rt);
  admin = await signIn(rt, 'systemAdmin', w.county.id);
});
afterAll(() => rt?.close());

/** China time → instant. */
const cst = (local: string) => new Date(`${local}+08:00`);

const stages = (step: number | undefined, feedback: number, resolve: number) => {
  const s = step === undefined ? {} : { supervisionStepWorkdays: step };
  return { accept: { workdays: 1, ...s }, feedback: { workdays: feedback, ...s }, resolve: { workdays: resolve, ...s } };
};
/** A category whose tickets are accepted within 1 working day, fed back within `feedback`, resolved within `resolve`. */
const category = (code: string, step?: number, feedback = 3, resolve = 7) => ({
  code,
  name: `督办步长${step ?? '默认'}`,
  parentId: null,
  defaultLevel: 'grid',
  deadlines: { normal: stages(step, feedback, resolve), urgent: stages(step, feedback, resolve) },
  duplicateRadiusM: 0,
});

async function reportIn(categoryId: number, title: string) {
  const r = await report(w.users.worker, { title, description: '督办步长', categoryId, channel: 'gridWorker', location: inGrid });
  if (r.status !== 201) throw new Error(`report → ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Sweeps at a China time; the levels of the notices for the ticket's accept stage, in order of issue. */
async function levelsAt(local: string, ticketId: number) {
  rt.clock.set(cst(local));
  await rt.services.supervision.sweep();
  const res = await send(w.users.dispatcher, 'GET', `/api/v1/supervision/notices?ticketId=${ticketId}`);
  return (res.body.items as { stage: string; level: string; issuedAt: string; number: string }[])
    .filter((n) => n.stage === 'accept')
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt))
    .map((n) => n.level);
}

describe('supervision step', () => {
  it('refuses a step that is not a whole number of working days from 1 to 30, with the field named', async () => {
    for (const step of [0, 31, 2.5, 'two']) {
      const res = await send(admin, 'POST', '/api/v1/ticket-categories', category(`step.bad${String(step)}`, step as number));
      expect(res.status, `step ${String(step)}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.body.errors)).toContain('supervisionStepWorkdays');
    }
    const ok = await send(admin, 'POST', '/api/v1/ticket-categories', category('step.thirty', 30));
    expect(ok.status).toBe(201);
    expect(ok.body.deadlines.normal.resolve).toEqual({ workdays: 7, supervisionStepWorkdays: 30 });
  });

  it('raises a category with step 2 to 黄牌 after 2 and 红牌 after 4 more working days; the default after 5 and 10', async () => {
    const fast = (await send(admin, 'POST', '/api/v1/ticket-categories', category('step.two', 2))).body;
    const plain = (await send(admin, 'POST', '/api/v1/ticket-categories', category('step.default'))).body;
    // Reported Monday 11-02 and never handed on: the accept stage is red from 11-03 24:00.
    rt.clock.set(cst('2026-11-02T09:00:00'));
    const t = await op(w.users.worker, await reportIn(fast.id, '步长2'), 'accept');
    const d = await op(w.users.worker, await reportIn(plain.id, '默认步长'), 'accept');

    expect(await levelsAt('2026-11-04T00:00:00', t.id)).toEqual(['normal']);
    // Step 2: 11-04, 11-05 → 黄牌 from 11-05 24:00, not a minute before.
    expect(await levelsAt('2026-11-05T23:59:00', t.id)).toEqual(['normal']);
    expect(await levelsAt('2026-11-06T00:00:00', t.id)).toEqual(['normal', 'yellowCard']);
    expect((await send(w.users.worker, 'GET', `/api/v1/tickets/${t.id}`)).body.supervisionLevel).toBe('yellowCard');
    // 4 working days after 11-03 (the weekend not counted): 11-09 24:00 → 红牌.
    expect(await levelsAt('2026-11-09T23:59:00', t.id)).toEqual(['normal', 'yellowCard']);
    expect(await levelsAt('2026-11-10T00:00:00', t.id)).toEqual(['normal', 'yellowCard', 'redCard']);
    expect((await send(w.users.worker, 'GET', `/api/v1/tickets/${t.id}`)).body.supervisionLevel).toBe('redCard');
    // The default category: still 督办 only; 黄牌 after 5 working days (11-10 24:00), 红牌 after 10 (11-17 24:00).
    expect(await levelsAt('2026-11-10T23:59:00', d.id)).toEqual(['normal']);
    expect(await levelsAt('2026-11-11T00:00:00', d.id)).toEqual(['normal', 'yellowCard']);
    expect(await levelsAt('2026-11-17T23:59:00', d.id)).toEqual(['normal', 'yellowCard']);
    expect(await levelsAt('2026-11-18T00:00:00', d.id)).toEqual(['normal', 'yellowCard', 'redCard']);
    // No second notice for the same breach at any level.
    expect(await levelsAt('2026-11-30T00:00:00', t.id)).toEqual(['normal', 'yellowCard', 'redCard']);
  });

  it('applies a changed step to tickets already red, from the next sweep', async () => {
    // Long feedback and resolve stages: nothing else brings the ticket before the sweep until 11-30.
    const c = (await send(admin, 'POST', '/api/v1/ticket-categories', category('step.change', 5, 10, 20))).body;
    rt.clock.set(cst('2026-11-16T09:00:00'));
    const t = await op(w.users.worker, await reportIn(c.id, '改步长'), 'accept');
    // Red from 11-17 24:00; with step 5 the next level would wait until 11-24 24:00.
    expect(await levelsAt('2026-11-18T10:00:00', t.id)).toEqual(['normal']);
    const changed = await send(admin, 'PUT', `/api/v1/ticket-categories/${c.id}`, {
      ...category('step.change', 1, 10, 20),
      name: c.name,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.deadlines.urgent.accept.supervisionStepWorkdays).toBe(1);
    // Step 1: 黄牌 from 11-18 24:00, 红牌 from 11-19 24:00.
    expect(await levelsAt('2026-11-18T23:59:00', t.id)).toEqual(['normal']);
    expect(await levelsAt('2026-11-19T00:00:00', t.id)).toEqual(['normal', 'yellowCard']);
    expect(await levelsAt('2026-11-20T00:00:00', t.id)).toEqual(['normal', 'yellowCard', 'redCard']);
  });
});

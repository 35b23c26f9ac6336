/**
 * The day figures (unit_day_figure): what the command center's stock figures (open, red, people…)
 * compare with. Recorded for every unit down to the grid, they are the dashboard's own figures of
 * that moment; a month later the dashboard shows them as the same day last month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/modules/access/actor.ts';
import { recordedFigures } from '../src/modules/dashboard/day-figures.ts';
import { signIn } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { neighbourDispute, report, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;

beforeAll(async () => {
  rt = await testRuntime();
  w = await ticketWorld(rt);
});
afterAll(() => rt?.close());

const stock = ['open', 'red', 'yellow', 'people', 'households', 'grids', 'staffOnDuty'] as const;

describe('day figures', () => {
  it('record each unit’s stock figures as its dashboard shows them, once per day however often the job runs', async () => {
    rt.clock.set('2026-09-10T02:00:00Z');
    const worker = await signIn(rt, 'gridWorker', w.grid.id);
    for (const title of ['排水沟堵塞', '路灯不亮'])
      expect((await report(worker, neighbourDispute(w, { title }))).status).toBe(201);
    // One ticket left from before, long past its deadlines: red.
    rt.clock.set('2026-09-03T02:00:00Z');
    expect((await report(worker, neighbourDispute(w, { title: '旧事未办' }))).status).toBe(201);
    rt.clock.set('2026-09-10T02:00:00Z');

    const first = await rt.services.dashboard.recordDay();
    const again = await rt.services.dashboard.recordDay();
    expect(first).toEqual(again);
    expect(first.day).toBe('2026-09-10');
    const rows = await rt.db.db
      .selectFrom('unit_day_figure')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(first.units);

    for (const unit of [w.county, w.township, w.village, w.grid]) {
      const d = await rt.services.dashboard.overview(systemActor, { unitId: unit.id });
      const recorded = await recordedFigures(rt.db, unit.id, '2026-09-10');
      expect(recorded, unit.name).not.toBeNull();
      for (const key of stock) expect(recorded![key], `${unit.name} ${key}`).toBe(d.figures[key]);
    }
    const county = (await recordedFigures(rt.db, w.county.id, '2026-09-10'))!;
    expect(county.open).toBe(3);
    expect(county.red).toBeGreaterThanOrEqual(1);
    expect(county.grids).toBeGreaterThanOrEqual(1);
    // The other village has no tickets: its subtree's figures are its own.
    expect(await recordedFigures(rt.db, w.village2.id, '2026-09-10')).toMatchObject({ open: 0, red: 0 });
  });

  it('are the previous figures of the same day a month later, and absent for a day never recorded', async () => {
    rt.clock.set('2026-10-10T02:00:00Z');
    const worker = await signIn(rt, 'gridWorker', w.grid.id);
    expect((await report(worker, neighbourDispute(w, { title: '井盖缺失' }))).status).toBe(201);
    const d = await rt.services.dashboard.overview(systemActor, { unitId: w.county.id });
    expect(d.figures.open).toBe(4);
    expect(d.figures.recorded).toMatchObject({ day: '2026-09-10', open: 3 });
    // Another month on, 10 October was never recorded: no change is claimed.
    rt.clock.set('2026-11-10T02:00:00Z');
    const later = await rt.services.dashboard.overview(systemActor, { unitId: w.county.id });
    expect(later.figures.recorded).toBeNull();
    // A past month (October) compares its last day with 30 September, never recorded either.
    const october = await rt.services.dashboard.overview(systemActor, { unitId: w.county.id, month: '2026-10' });
    expect(october.figures.recorded).toBeNull();
  });

  it('keep three years', async () => {
    await rt.db.db
      .insertInto('unit_day_figure')
      .values({
        unit_id: w.county.id,
        day: '2023-01-01',
        open: 1,
        red: 0,
        yellow: 0,
        people: 0,
        households: 0,
        grids: 0,
        staff_on_duty: 0,
        recorded_at: new Date('2023-01-01T15:55:00Z'),
      })
      .execute();
    await rt.services.dashboard.recordDay();
    expect(await recordedFigures(rt.db, w.county.id, '2023-01-01')).toBeNull();
    expect(await recordedFigures(rt.db, w.county.id, '2026-09-10')).not.toBeNull();
  });
});

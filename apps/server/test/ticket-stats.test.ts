/**
 * The summary table (ticket_stat, kept by a trigger) must give the very figures a raw GROUP BY over
 * tickets gives, after any sequence of operations, for every unit level and grouping; and after a
 * bulk load that rebuilds it.
 */
import type { StatisticsQuery, TicketOperation } from '@wangge/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../src/lib/periods.ts';
import { AppError } from '../src/lib/errors.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { Random } from '../src/modules/demo/random.ts';
import { seedDemoTickets } from '../src/modules/demo/tickets.seed.ts';
import { TicketExport } from '../src/modules/tickets/ticket-export.ts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { api, signIn } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;

beforeAll(async () => {
  rt = await testRuntime();
  w = await ticketWorld(rt);
});
afterAll(() => rt?.close());

const bodies: Partial<Record<TicketOperation, object>> = {
  reject: { reason: 'invalid', note: '不属实' },
  feedback: { note: '已联系' },
  return: { note: '退回' },
  escalate: {},
  requestExtension: { workdays: 2, reason: '等待材料' },
  decideExtension: { approve: true },
  verify: { passed: true },
  evaluate: { rating: 'satisfied' },
  reopen: { note: '复查' },
};

async function compare(label: string) {
  const units = [w.county, w.township, w.village];
  // Whole months (the monthly summary), whole months with days at both edges, and days only.
  const periods = [
    ['2026-01-01', '2026-12-31'],
    ['2026-08-20', '2026-10-03'],
    ['2026-09-10', '2026-09-20'],
    // Reaching today: the month of today is read as whole (nothing is received after today).
    ['2026-08-15', chinaDay(rt.clock.now())],
  ] as const;
  for (const unit of units)
    for (const [from, to] of periods)
      for (const by of [undefined, 'category', 'unit'] as const) {
        const q: StatisticsQuery = { unitId: unit.id, from, to, ...(by ? { by } : {}) };
        const summary = await rt.services.statistics.statistics(systemActor, q, 'auto');
        const raw = await rt.services.statistics.statistics(systemActor, q, 'raw');
        expect(summary, `${label}: ${unit.name} ${from}…${to} by ${by ?? 'none'}`).toEqual(raw);
      }
}

describe('summary figures', () => {
  it('equal the raw figures after a random sequence of operations', async () => {
    const r = new Random(7);
    const ids: number[] = [];
    const applied = new Map<string, number>();
    const categories = (await rt.services.categories.list()).filter((c) => !c.fieldsSchema);
    for (let step = 0; step < 160; step++) {
      rt.clock.set(new Date(Date.parse('2026-09-01T01:00:00Z') + step * 5 * 3600_000));
      if (ids.length < 8 || r.chance(0.3)) {
        const unitId = r.pick([w.grid.id, w.village.id, w.village2.id, w.township.id]);
        const cat = r.pick(categories);
        const t = await rt.services.tickets.report(systemActor, {
          title: `随机工单${step}`,
          description: '随机操作',
          categoryId: cat.id,
          channel: r.pick(['gridWorker', 'hotline12345', 'walkIn'] as const),
          unitId,
          ...(r.chance(0.2) ? { urgency: 'urgent' as const } : {}),
        });
        ids.push(t.ticket.id);
        continue;
      }
      const id = r.pick(ids);
      const t = await rt.services.tickets.get(systemActor, id);
      const ops = t.allowedOperations;
      if (ops.length === 0) continue;
      const op = r.pick(ops);
      let body: object = bodies[op] ?? {};
      if (op === 'evaluate') body = { rating: r.pick(['satisfied', 'basically', 'unsatisfied']) };
      if (op === 'verify') body = r.chance(0.8) ? { passed: true } : { passed: false, note: '未解决' };
      // Handed on to a unit or the bureau; a target the rules refuse for this holder is simply skipped.
      if (op === 'assign' || op === 'transfer')
        body = {
          ...(r.chance(0.3)
            ? { toDepartmentId: w.departmentId }
            : { toUnitId: r.pick([w.grid.id, w.village.id, w.village2.id]) }),
          note: '随机交办',
        };
      if (op === 'consult') body = { participants: ['镇综治办', '村委会'], decision: '联合处置', committedDate: '2026-12-31' };
      try {
        await rt.services.ticketOperations.apply(systemActor, id, op, { version: t.version, ...body } as never);
        applied.set(op, (applied.get(op) ?? 0) + 1);
      } catch (err) {
        if (err instanceof AppError && err.status < 500) continue;
        throw err;
      }
      if (step % 40 === 39) {
        await rt.services.supervision.sweep();
        await compare(`step ${step}`);
      }
    }
    await compare('end');
    // The sequence went through the operations that move a ticket between holders too.
    for (const op of ['assign', 'transfer', 'escalate', 'return', 'consult', 'reject', 'evaluate'])
      expect(applied.get(op) ?? 0, op).toBeGreaterThan(0);
  });

  it('are the command center’s figures, to the ticket', async () => {
    const today = rt.services.calendar.current().then((c) => c.localDay(rt.clock.now()));
    const day = await today;
    const month = day.slice(0, 7);
    const dispatcher = await signIn(rt, 'countyDispatcher', w.county.id);
    const rateOf = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);
    for (const unit of [w.county, w.township, w.village, w.grid]) {
      const d = await rt.services.dashboard.overview(systemActor, { unitId: unit.id, month });
      const stats = (from: string, to: string, by?: 'unit') =>
        rt.services.statistics.statistics(systemActor, { unitId: unit.id, from, to, ...(by ? { by } : {}) }, 'raw');
      const m = await stats(`${month}-01`, day, 'unit');
      const all = await stats('2000-01-01', day);
      const year = await stats(`${month.slice(0, 4)}-01-01`, day);
      const label = unit.name;
      expect(d.figures.receivedMonth.value, label).toBe(m.totals.received);
      expect(d.figures.onTimeRate.value, label).toBe(m.totals.onTimeRate);
      expect(d.figures.completionRate.value, label).toBe(m.totals.completionRate);
      expect(d.figures.satisfactionRate.value, label).toBe(m.totals.satisfactionRate);
      expect(d.figures.selfResolvedShare.value, label).toBe(m.totals.selfResolvedShare);
      // The list behind each rate (the link the figure carries) counts the same tickets.
      const listed = async (qs: string) =>
        (await api(dispatcher, 'GET', `/api/v1/tickets?within=${unit.id}&from=${month}-01&to=${day}&limit=1${qs}`)).body
          .total as number;
      const [satisfied, evaluated] = [await listed('&evaluation=satisfied'), await listed('&evaluation=any')];
      expect(rateOf(satisfied, evaluated), `${label} 满意率 from its list`).toBe(d.figures.satisfactionRate.value);
      const [selfResolved, received, rejected] = [
        await listed('&selfResolved=true'),
        await listed(''),
        await listed('&state=rejected'),
      ];
      expect(rateOf(selfResolved, received - rejected), `${label} 自办自结 from its list`).toBe(
        d.figures.selfResolvedShare.value,
      );
      expect(d.figures.open, label).toBe(all.totals.openNow);
      expect(d.figures.red, label).toBe(all.totals.overdueNow);
      expect(d.levels, label).toEqual(year.totals.levels);
      expect(d.figures.receivedToday.value, label).toBe((await stats(day, day)).totals.received);
      expect(d.days.at(-1)!.received, label).toBe(d.figures.receivedToday.value);
      for (const row of m.rows) {
        const child = d.children.find((c) => c.unit.id === row.id)!;
        expect(child.receivedMonth, `${label} › ${row.name}`).toBe(row.received);
        expect(child.onTimeRate, `${label} › ${row.name}`).toBe(row.onTimeRate);
        const live = await rt.services.statistics.statistics(
          systemActor,
          { unitId: row.id!, from: '2000-01-01', to: day },
          'raw',
        );
        expect([child.open, child.red], `${label} › ${row.name} open, red`).toEqual([
          live.totals.openNow,
          live.totals.overdueNow,
        ]);
      }
    }
  });

  it('export the list behind a figure and write the monthly report', async () => {
    const day = (await rt.services.calendar.current()).localDay(rt.clock.now());
    const dispatcher = await signIn(rt, 'countyDispatcher', w.county.id);
    const list = await api(dispatcher, 'GET', `/api/v1/tickets?within=${w.township.id}&state=open&limit=1`);
    const res = await dispatcher.app.inject({
      method: 'GET',
      url: `/api/v1/tickets/export?within=${w.township.id}&state=open`,
      headers: { cookie: dispatcher.cookie },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet.rowCount - 1).toBe(list.body.total);
    // One more ticket than an export may hold: refused whole (422), never a list cut short.
    expect(list.body.total).toBeGreaterThan(0);
    const { calendar, ticketSearch, audit } = rt.services;
    const capped = new TicketExport(rt.db, rt.clock, calendar, ticketSearch, audit, list.body.total - 1);
    await expect(capped.export(systemActor, { within: w.township.id, state: 'open' }, 'csv')).rejects.toMatchObject({
      status: 422,
      code: 'export_too_large',
    });
    const report = await dispatcher.app.inject({
      method: 'GET',
      url: `/api/v1/dashboard/report?unitId=${w.township.id}&month=${day.slice(0, 7)}`,
      headers: { cookie: dispatcher.cookie },
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain(encodeURIComponent('东塘镇'));
    const zip = await JSZip.loadAsync(report.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const stats = await rt.services.statistics.statistics(systemActor, {
      unitId: w.township.id,
      from: `${day.slice(0, 7)}-01`,
      to: day,
    });
    expect(xml).toContain('东塘镇');
    expect(xml).toContain(`本月共受理各类事件${stats.totals.received}件`);
  });

  it('equal the raw figures after a bulk load rebuilt them', async () => {
    const cal = await rt.services.calendar.current();
    await seedDemoTickets(rt.db, rt.clock, cal, rt.services.categories, { count: 400, days: 200, seed: 3, timeline: true });
    await compare('bulk');
  });
});

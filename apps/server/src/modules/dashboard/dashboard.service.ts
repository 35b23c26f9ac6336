/**
 * The command center's overview of one unit: key figures with the previous period, the child units
 * (for the map and the ranking), trends, the handling-level funnel, the red list, the week's
 * supervision notices and the newest reports. Period figures come from the ticket summary
 * (stat-summary.ts) for counties and townships, and from tickets for villages and grids: never a
 * scan of the whole ticket table. They are the statistics endpoint's figures (a test compares).
 */
import { Permission, type Dashboard, type DashboardQuery, type UnitKind } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { statColumns, type StatisticsService } from '../tickets/statistics.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CategoriesService } from '../tickets/categories.service.ts';
import { monthlyReport } from './monthly-report.ts';
import {
  rawFigures,
  summaryFigures,
  summaryTable,
  withTotal,
  type RawFigures,
  type SummaryQuery,
} from '../tickets/stat-summary.ts';
import type { SupervisionService } from '../tickets/supervision.service.ts';
import { BaseCountsCache } from './base-counts.ts';
import { dashboardRepo } from './dashboard.repo.ts';
import { recordDayFigures, recordedFigures } from './day-figures.ts';
import { addDays, monthRange, shiftMonth } from '../../lib/periods.ts';
import { endOfDay, startOfDay } from '../tickets/deadlines.ts';

const n = (r: RawFigures | undefined, k: string) => Number(r?.[k] ?? 0);
const rate = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);
const rates = (r: RawFigures | undefined) => ({
  completion: rate(n(r, 'closed'), n(r, 'due')),
  onTime: rate(n(r, 'closed_on_time'), n(r, 'due')),
  satisfaction: rate(n(r, 'satisfied'), n(r, 'evaluated')),
  selfResolved: rate(n(r, 'self_resolved'), n(r, 'received') - n(r, 'rejected')),
});

export class DashboardService {
  readonly base: BaseCountsCache;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly calendar: CalendarService,
    private readonly supervision: SupervisionService,
    private readonly statistics: StatisticsService,
    private readonly audit: AuditService,
    private readonly categories: CategoriesService,
  ) {
    this.base = new BaseCountsCache(db, clock);
  }

  /**
   * Summary where it can answer, tickets otherwise; with `total` also the total over the unit.
   * From the summary the live part (`due` of open tickets) is left out (`live: false`) and added
   * from one pass over the open tickets (`addOpenDue`); from tickets it is already in.
   */
  async figures(q: SummaryQuery, now: Date): Promise<{ rows: RawFigures[]; summary: boolean }> {
    const summary = summaryTable(q.path.split('.').length, q.by, q.categories) !== null;
    const rows = summary
      ? await summaryFigures(this.db, { ...q, live: false }, now)
      : await rawFigures(this.db, q, now, statColumns(now));
    return { rows, summary };
  }

  async overview(actor: Actor, query: DashboardQuery): Promise<Dashboard> {
    const unit = await this.#unit(actor, query.unitId);
    const now = this.clock.now();
    const cal = await this.calendar.current();
    const today = cal.localDay(now);
    const month = query.month ?? today.slice(0, 7);
    const { from, to: monthEnd } = monthRange(month);
    const to = month === today.slice(0, 7) ? today : monthEnd;
    // The previous period: the same days of the previous month (month to date compares like with like).
    const prev = monthRange(shiftMonth(month, -1));
    const prevTo = addDays(prev.from, Math.min(Number(to.slice(8)) - 1, Number(prev.to.slice(8)) - 1));
    const path = unit.path;
    const q = (from: string, to: string, by: SummaryQuery['by'] = null, total = false) =>
      this.figures({ path, from, to, by, categories: null, total }, now);
    // Today and yesterday come from the 30 days, the year's handling levels from the 12 months
    // (which always start on or before 1 January of the month's year): fewer statements per view.
    const [monthAll, prevT, days, cats, months, open, children, redList, notices, latest, points, categories, recorded] =
      await Promise.all([
        q(from, to, 'child', true),
        q(prev.from, prevTo),
        q(addDays(today, -29), today, 'day'),
        q(from, to, 'category'),
        q(monthRange(shiftMonth(month, -11)).from, to, 'month'),
        dashboardRepo.openFigures(this.db, path, now, { from: startOfDay(prev.from), to: endOfDay(prevTo) }),
        dashboardRepo.children(this.db, unit.id),
        dashboardRepo.redList(this.db, path, now, 20),
        this.supervision.notices(actor, { within: unit.id, from: weekStart(today), limit: 20 }),
        dashboardRepo.latest(this.db, path, 10, now),
        ['village', 'grid', 'microGrid', 'householdGroup'].includes(unit.kind) ? dashboardRepo.points(this.db, path) : null,
        this.categories.list(),
        recordedFigures(this.db, unit.id, prevTo),
      ]);
    // The open tickets' part of `due`, for what came from the summary.
    addOpenDue(monthAll, open, (o, r) => o.month === month && (r.total === 1 || o.key === r.key));
    addOpenDue(prevT, open, (o) => o.in_prev);
    addOpenDue(months, open, (o, r) => o.month === r.key);
    const { total: m, rows: byChild } = withTotal(monthAll.rows);
    const live = { open: 0, red: 0, yellow: 0 };
    const liveByChild = new Map<string, { open: number; red: number }>();
    for (const o of open) {
      live.open += o.open;
      live.red += o.red;
      live.yellow += o.yellow;
      if (o.key === null) continue;
      const c = liveByChild.get(o.key) ?? { open: 0, red: 0 };
      liveByChild.set(o.key, { open: c.open + o.open, red: c.red + o.red });
    }
    const dayRow = (d: string) => days.rows.find((x) => x.key === d);
    const yearMonths = months.rows.filter((r) => String(r.key) >= month.slice(0, 4));
    const levelSum = (l: string) => yearMonths.reduce((sum, r) => sum + n(r, `level_${l}`), 0);
    const [baseTotal, ...baseChildren] = await this.base.sums([path, ...children.map((c) => c.path)]);
    const childFig = new Map(byChild.map((r) => [String(r.key), r]));
    const p = prevT.rows[0];
    const [rm, rp] = [rates(m), rates(p)];
    const categoryNames = new Map(categories.map((c) => [c.id, { code: c.code, name: c.name }]));
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind as UnitKind },
      asOf: now.toISOString(),
      month,
      from,
      to,
      figures: {
        receivedToday: { value: n(dayRow(today), 'received'), previous: n(dayRow(addDays(today, -1)), 'received') },
        receivedMonth: { value: n(m, 'received'), previous: n(p, 'received') },
        open: live.open,
        red: live.red,
        yellow: live.yellow,
        completionRate: { value: rm.completion, previous: rp.completion },
        onTimeRate: { value: rm.onTime, previous: rp.onTime },
        satisfactionRate: { value: rm.satisfaction, previous: rp.satisfaction },
        selfResolvedShare: { value: rm.selfResolved, previous: rp.selfResolved },
        people: baseTotal!.people,
        households: baseTotal!.households,
        grids: baseTotal!.grids,
        staffOnDuty: baseTotal!.staffOnDuty,
        recorded,
      },
      children: children.map((c, i) => {
        const f = childFig.get(String(c.id));
        const l = liveByChild.get(String(c.id));
        const people = baseChildren[i]!.people;
        const r = rates(f);
        return {
          unit: { id: c.id, code: c.code, name: c.name, kind: c.kind as UnitKind },
          hasGeometry: c.has_geometry,
          open: Number(l?.open ?? 0),
          red: Number(l?.red ?? 0),
          receivedMonth: n(f, 'received'),
          people,
          per1000: people > 0 ? Math.round((n(f, 'received') / people) * 1000 * 100) / 100 : null,
          onTimeRate: r.onTime,
          satisfactionRate: r.satisfaction,
        };
      }),
      days: Array.from({ length: 30 }, (_, i) => {
        const day = addDays(today, i - 29);
        const d = dayRow(day);
        return { day, received: n(d, 'received'), closed: n(d, 'closed') };
      }),
      categories: cats.rows
        .map((c) => ({ id: Number(c.key), ...categoryNames.get(Number(c.key))!, received: n(c, 'received') }))
        .sort((a, b) => b.received - a.received),
      months: Array.from({ length: 12 }, (_, i) => {
        const mm = shiftMonth(month, i - 11);
        const r = months.rows.find((x) => x.key === mm);
        return { month: mm, due: n(r, 'due'), onTimeRate: rate(n(r, 'closed_on_time'), n(r, 'due')) };
      }),
      levels: {
        grid: levelSum('grid'),
        village: levelSum('village'),
        township: levelSum('township'),
        county: levelSum('county'),
        department: levelSum('department'),
      },
      redList: redList.map((r) => ({
        ticket: { id: r.id, code: r.code, title: r.title, state: r.state as never },
        holder: r.holder,
        unit: r.unit,
        dueAt: new Date(r.due_at).toISOString(),
        workdaysLate: Math.max(0, cal.workdaysBetween(new Date(r.due_at), now)),
        supervisionLevel: r.supervision_level as never,
      })),
      notices: notices.items.map((x) => ({
        id: x.id,
        number: x.number,
        ticket: x.ticket,
        level: x.level,
        addressedTo: x.addressedTo,
        issuedAt: x.issuedAt,
      })),
      latest: latest.map((r) => ({
        ticket: { id: r.id, code: r.code, title: r.title, state: r.state as never },
        unit: r.unit,
        category: r.category,
        receivedAt: new Date(r.received_at).toISOString(),
        light: r.light as never,
      })),
      points,
    };
  }

  /** Records today's day figures of every unit (the hourly job; also after the demo is loaded). */
  async recordDay(): Promise<{ day: string; units: number }> {
    return recordDayFigures(this.db, this.clock.now());
  }

  /** The monthly report (月报) as a .docx, from the same figures; audited. */
  async report(actor: Actor, query: DashboardQuery): Promise<{ body: Buffer; filename: string }> {
    const d = await this.overview(actor, query);
    const q = { unitId: d.unit.id, from: d.from, to: d.to };
    const [byCategory, byChild] = await Promise.all([
      this.statistics.statistics(actor, { ...q, by: 'category' }),
      this.statistics.statistics(actor, { ...q, by: 'unit' }),
    ]);
    await this.audit.record(this.db.db, actor, {
      action: 'dashboard.report',
      objectType: 'unit',
      objectId: d.unit.id,
      unitId: d.unit.id,
      detail: { month: d.month },
    });
    return { body: await monthlyReport(d, byCategory, byChild), filename: `${d.unit.name}${d.month}月报.docx` };
  }

  async #unit(actor: Actor, unitId: number | undefined) {
    if (unitId !== undefined) return (await this.access.requireUnit(actor, Permission.DashboardRead, unitId)).unit;
    const u = await this.access.topUnit(actor, Permission.DashboardRead);
    if (!u) throw AppError.notFound('unit');
    return u;
  }
}

type OpenRow = Awaited<ReturnType<typeof dashboardRepo.openFigures>>[number];

/** Adds the due open tickets matching each row to its `due` (summary rows only; tickets' rows have them). */
function addOpenDue(f: { rows: RawFigures[]; summary: boolean }, open: OpenRow[], match: (o: OpenRow, r: RawFigures) => boolean) {
  if (!f.summary) return;
  for (const r of f.rows) {
    r.total = Number(r.total ?? 0);
    r.due = n(r, 'due') + open.reduce((sum, o) => (match(o, r) ? sum + o.due : sum), 0);
  }
}

/** Monday of the week of `day` (China weeks start on Monday). */
function weekStart(day: string): string {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((wd + 6) % 7));
}

/**
 * The working calendar (工作日历): the official years (seeded by migration 0005), the system
 * administrator's edits and imports (audited), the WorkCalendar every deadline is counted with
 * (cached in this process, rebuilt after an edit), and the warnings about years the system needs
 * soon without an official calendar.
 *
 * The cache is per process: a second server process sees an edit after its restart.
 */
import {
  Permission,
  type CalendarDeadline,
  type CalendarDeadlineQuery,
  type CalendarImport,
  type CalendarWarning,
  type CalendarWarnings,
  type CalendarYear,
  type CalendarYearList,
  type CalendarYearPut,
} from '@wangge/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Database } from '../../db/types.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { todayOf } from '../units/units.service.ts';
import { checkYear, parseImport } from './calendar.input.ts';
import { calendarRepo, type CalendarYearRow } from './calendar.repo.ts';
import { WorkCalendar } from './work-calendar.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** From this day of the year on, next year's calendar is "needed soon" (the State Council publishes it in the autumn). */
const NEXT_YEAR_FROM = '11-01';

const toYear = (r: CalendarYearRow): CalendarYear => ({
  year: r.year,
  holidays: r.holidays,
  workdays: r.workdays,
  source: r.source,
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

/** What changed, for the audit record. */
const diff = (before: string[], after: string[]) => ({
  added: after.filter((d) => !before.includes(d)),
  removed: before.filter((d) => !after.includes(d)),
});

export class CalendarService {
  #cache: Promise<WorkCalendar> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The calendar deadlines are counted with. Pass the open transaction when calling inside one: on
   * PGlite a cold cache would otherwise wait for the connection that transaction holds.
   */
  current(q: Q = this.db.db): Promise<WorkCalendar> {
    if (this.#cache) return this.#cache;
    const loading = calendarRepo.listYears(q).then((rows) => new WorkCalendar(rows));
    this.#cache = loading;
    loading.catch(() => {
      if (this.#cache === loading) this.#cache = null;
    });
    return loading;
  }

  /** Drops the cached calendar; the next current() reads the database again. */
  invalidate(): void {
    this.#cache = null;
  }

  async listYears(): Promise<CalendarYearList> {
    const rows = await calendarRepo.listYears(this.db.db);
    const have = new Set(rows.map((r) => r.year));
    const last = Number(todayOf(this.clock).slice(0, 4)) + 1;
    const missingYears: number[] = [];
    for (let y = rows[0]?.year ?? last; y <= last; y++) if (!have.has(y)) missingYears.push(y);
    return { items: rows.map(toYear), missingYears };
  }

  async getYear(year: number): Promise<CalendarYear> {
    const row = await calendarRepo.findYear(this.db.db, year);
    if (!row) throw AppError.notFound(`Working calendar for ${year}`);
    return toYear(row);
  }

  /** Replaces a year's calendar (the system administrator's edit). */
  putYear(actor: Actor, year: number, input: CalendarYearPut): Promise<CalendarYear> {
    return this.save(actor, year, input, 'admin', '/body');
  }

  /** Stores a year read from a JSON or CSV file (format in contracts' CalendarImport). */
  async importYear(actor: Actor, input: CalendarImport): Promise<CalendarYear> {
    const parsed = parseImport(input);
    if ('errors' in parsed) throw AppError.badRequest('The calendar file cannot be read', parsed.errors);
    return this.save(actor, parsed.year, parsed, 'import', '/body/content');
  }

  /**
   * Years needed soon without a calendar: this year, next year from 1 November, and every year a
   * stored deadline fell in (noteMissingYears). Each year once, for its most pressing reason.
   */
  async warnings(now: Date = this.clock.now()): Promise<CalendarWarnings> {
    const cal = await this.current();
    const today = cal.localDay(now);
    const year = Number(today.slice(0, 4));
    const items: CalendarWarning[] = [];
    if (!cal.hasYear(year)) items.push({ year, reason: 'currentYear', notedAt: null });
    if (today.slice(5) >= NEXT_YEAR_FROM && !cal.hasYear(year + 1))
      items.push({ year: year + 1, reason: 'nextYear', notedAt: null });
    for (const need of await calendarRepo.openNeeds(this.db.db)) {
      if (items.some((w) => w.year === need.year) || cal.hasYear(need.year)) continue;
      items.push({ year: need.year, reason: 'deadline', notedAt: new Date(need.first_noted_at).toISOString() });
    }
    return { items: items.sort((a, b) => a.year - b.year) };
  }

  /**
   * Remembers that a stored deadline was counted in years without a calendar (Deadline.missingYears),
   * so warnings() names them until an administrator enters them. Pass the transaction that stores
   * the deadline, if any.
   */
  async noteMissingYears(years: number[], q: Q = this.db.db): Promise<void> {
    const unique = [...new Set(years)].filter((y) => Number.isInteger(y) && y >= 1900 && y <= 2200);
    if (unique.length > 0) await calendarRepo.noteNeeds(q, unique, this.clock.now());
  }

  /** A deadline as the tickets module would count it, for the administrator to check a calendar. */
  async previewDeadline(q: CalendarDeadlineQuery): Promise<CalendarDeadline> {
    if ((q.workdays === undefined) === (q.months === undefined))
      throw AppError.badRequest('Give either workdays or months', [
        { path: '/querystring/workdays', message: 'give either workdays or months' },
      ]);
    const cal = await this.current();
    const start = new Date(q.start);
    const d = cal.deadline(start, q);
    return {
      start: start.toISOString(),
      startDate: cal.localDay(start),
      dueDate: d.dueDate,
      dueAt: d.dueAt.toISOString(),
      yellowAt: d.yellowAt.toISOString(),
      missingYears: d.missingYears,
    };
  }

  private async save(
    actor: Actor,
    year: number,
    input: CalendarYearPut,
    source: 'admin' | 'import',
    at: string,
  ): Promise<CalendarYear> {
    await this.access.requireAny(actor, Permission.ConfigManage);
    const errors = checkYear(year, input, at);
    if (errors.length > 0) throw AppError.badRequest(`The calendar for ${year} is not valid`, errors);
    const row: CalendarYearRow = {
      year,
      holidays: [...input.holidays].sort(),
      workdays: [...input.workdays].sort(),
      source,
      updated_at: this.clock.now(),
      updated_by: actor.userId,
    };
    await this.db.db.transaction().execute(async (tx) => {
      const before = await calendarRepo.lockYear(tx, year);
      await calendarRepo.upsertYear(tx, row);
      await this.audit.record(tx, actor, {
        action: source === 'admin' ? 'workCalendar.update' : 'workCalendar.import',
        objectType: 'workCalendar',
        objectId: year,
        detail: {
          year,
          previousSource: before?.source ?? null,
          holidays: diff(before?.holidays ?? [], row.holidays),
          workdays: diff(before?.workdays ?? [], row.workdays),
        },
      });
    });
    this.invalidate();
    return toYear(row);
  }
}

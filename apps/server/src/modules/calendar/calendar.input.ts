/**
 * What an administrator may store as a year's calendar, and how an import file becomes one. Pure:
 * returns field errors (JSON pointers a form can show) rather than throwing.
 */
import type { CalendarImport, CalendarYearPut, FieldError } from '@wangge/contracts';
import { isDay, weekdayOf } from './work-calendar.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Every day a real date of `year`, none twice; adjusted workdays on Saturday or Sunday (a weekday is
 * a working day anyway) and never also a holiday; at least one holiday, since an empty year would
 * silence the missing-calendar warning while counting New Year's Day as a working day. Holidays may
 * fall on any day: the official lists include the weekend days inside a break.
 */
export function checkYear(year: number, input: CalendarYearPut, at = '/body'): FieldError[] {
  const errors: FieldError[] = [];
  const holidays = new Set<string>();
  /** Records the day in `seen`, or an error and false. */
  const check = (list: 'holidays' | 'workdays', day: string, i: number, seen: Set<string>): boolean => {
    const path = `${at}/${list}/${i}`;
    const problem = !isDay(day)
      ? `${day} is not a date (YYYY-MM-DD)`
      : !day.startsWith(`${year}-`)
        ? `${day} is not in ${year}`
        : seen.has(day)
          ? `${day} is listed twice`
          : null;
    if (problem) errors.push({ path, message: problem });
    else seen.add(day);
    return !problem;
  };
  input.holidays.forEach((day, i) => check('holidays', day, i, holidays));
  const workdays = new Set<string>();
  input.workdays.forEach((day, i) => {
    if (!check('workdays', day, i, workdays)) return;
    const weekday = weekdayOf(day);
    const path = `${at}/workdays/${i}`;
    if (weekday !== 0 && weekday !== 6)
      errors.push({ path, message: `${day} is a ${WEEKDAYS[weekday]}: an adjusted workday must be a Saturday or Sunday` });
    else if (holidays.has(day)) errors.push({ path, message: `${day} cannot be both a holiday and an adjusted workday` });
  });
  if (input.holidays.length === 0)
    errors.push({ path: `${at}/holidays`, message: `A calendar for ${year} needs its holidays (元旦, 春节…)` });
  return errors;
}

export type ParsedImport = { year: number; holidays: string[]; workdays: string[] } | { errors: FieldError[] };

const fail = (message: string, path = '/body/content'): ParsedImport => ({ errors: [{ path, message }] });

/** The dates of a list given as an array or as an object keyed by date (`chinese-days`). */
function datesOf(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? (value as string[]) : null;
  if (value && typeof value === 'object') return Object.keys(value);
  if (value === undefined) return [];
  return null;
}

function parseJson(content: string): { year?: unknown; holidays: string[]; workdays: string[] } | string {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return 'The file is not valid JSON';
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'Expected an object with holidays and workdays';
  const o = data as Record<string, unknown>;
  const holidays = datesOf(o.holidays);
  const workdays = datesOf(o.workdays);
  if (!holidays || !workdays) return 'holidays and workdays must be lists of dates (or objects keyed by date)';
  return { year: o.year, holidays, workdays };
}

const HOLIDAY = new Set(['holiday', 'rest', '休', '假', '节假日', '休息日']);
const WORKDAY = new Set(['workday', 'work', '班', '上班', '调休上班', '工作日']);

function parseCsv(content: string): { holidays: string[]; workdays: string[] } | string {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  let first = true;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [day = '', kind = ''] = line.split(/[,\t;，]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    const header = first && !/^\d/.test(day);
    first = false;
    if (header) continue;
    const k = kind.toLowerCase();
    if (HOLIDAY.has(k)) holidays.push(day);
    else if (WORKDAY.has(k)) workdays.push(day);
    else return `Line ${i + 1}: kind must be holiday (休) or workday (班), got "${kind}"`;
  }
  return { holidays, workdays };
}

/** Reads an import (format in contracts' CalendarImport) and settles its year; checkYear runs after. */
export function parseImport(input: CalendarImport): ParsedImport {
  const parsed = input.format === 'json' ? parseJson(input.content) : parseCsv(input.content);
  if (typeof parsed === 'string') return fail(parsed);
  const stated = 'year' in parsed && parsed.year !== undefined ? Number(parsed.year) : undefined;
  if (stated !== undefined && input.year !== undefined && stated !== input.year)
    return fail(`The file says ${stated} but the import is for ${input.year}`, '/body/year');
  const years = new Set([...parsed.holidays, ...parsed.workdays].map((d) => d.slice(0, 4)));
  const year = input.year ?? stated ?? (years.size === 1 ? Number([...years][0]) : undefined);
  if (year === undefined || !Number.isInteger(year))
    return fail(years.size === 0 ? 'The file lists no days' : `The file spans ${[...years].join(', ')}: give the year`);
  if (year < 2000 || year > 2100) return fail(`${year} is outside 2000–2100`, '/body/year');
  return { year, holidays: parsed.holidays, workdays: parsed.workdays };
}

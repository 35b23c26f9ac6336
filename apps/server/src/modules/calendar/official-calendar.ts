/**
 * The official holiday arrangements (国务院办公厅 notices) that ship with Wangge, 2004 onwards.
 *
 * Why a checked-in JSON file and not `chinese-days` at run time: that package silently treats years
 * it does not know as Monday–Friday, and its data would change under a running system whenever the
 * dependency is upgraded. So its data is extracted once into official-calendar.json (MIT licence,
 * © 2024 Yawei sun, github.com/vsme/chinese-days) by official-calendar.generate.ts; the calendar
 * service copies the years it lacks into the database on first use, where an administrator can
 * correct them and add each new year as soon as the State Council publishes it. The test beside
 * this file fails when an upgraded `chinese-days` knows a year the JSON does not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { YearCalendar } from './work-calendar.ts';

/** The shape of `chinese-days` data (dist/chinese-days.json, dist/years/YYYY.json): date → "name,名称,days". */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  /** Weekdays given as rest in lieu of worked weekend days: already listed among the holidays. */
  inLieuDays?: Record<string, string>;
}

export type YearDays = Pick<YearCalendar, 'year' | 'holidays' | 'workdays'>;

/** Groups `chinese-days` data by year. Only the dates matter: names, and the lieu-day list, are dropped. */
export function fromChineseDays(data: ChineseDaysData): YearDays[] {
  const years = new Map<number, YearDays>();
  const at = (day: string) => {
    const year = Number(day.slice(0, 4));
    if (!years.has(year)) years.set(year, { year, holidays: [], workdays: [] });
    return years.get(year)!;
  };
  for (const day of Object.keys(data.holidays).sort()) at(day).holidays.push(day);
  for (const day of Object.keys(data.workdays).sort()) at(day).workdays.push(day);
  return [...years.values()].sort((a, b) => a.year - b.year);
}

let cached: YearDays[] | null = null;

/** The bundled official years, ascending. */
export function officialYears(): YearDays[] {
  cached ??= (JSON.parse(readFileSync(path.join(import.meta.dirname, 'official-calendar.json'), 'utf8')) as { years: YearDays[] })
    .years;
  return cached;
}

/**
 * The command center's URL: /command-center/:unitId? and /command-center/wall/:unitId?, with
 * `month` (YYYY-MM), `measure` (the map's colouring) and, on the wall, `rotate` (unit ids),
 * `every` (seconds per unit) and `reload` (the nightly reload). Anything malformed falls back to the
 * default rather than failing.
 */
import { Measures, type Measure } from './measure.ts';

const ID = /^[1-9]\d{0,9}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseId(value: string | null | undefined): number | undefined {
  return value && ID.test(value) ? Number(value) : undefined;
}

export function parseMonth(value: string | null): string | undefined {
  return value && MONTH.test(value) ? value : undefined;
}

export function parseMeasure(value: string | null): Measure {
  return Measures.includes(value as Measure) ? (value as Measure) : 'open';
}

export interface Route {
  wall: boolean;
  unitId: number | undefined;
  /** The path names neither a unit nor the wall. */
  invalid: boolean;
}

/** The two optional path segments after /command-center. */
export function parseRoute(first: string | undefined, second: string | undefined): Route {
  if (first === 'wall') {
    const unitId = parseId(second);
    return { wall: true, unitId, invalid: second !== undefined && unitId === undefined };
  }
  const unitId = parseId(first);
  return { wall: false, unitId, invalid: (first !== undefined && unitId === undefined) || second !== undefined };
}

export const MIN_EVERY = 10;
export const DEFAULT_EVERY = 60;

export interface Rotation {
  unitIds: number[];
  /** Seconds on each unit. */
  every: number;
}

/** `?rotate=3,17,42&every=60`: at most 50 units, at least 10 s each. */
export function parseRotation(rotate: string | null, every: string | null): Rotation | null {
  const unitIds = [...new Set((rotate ?? '').split(',').map((s) => parseId(s.trim())))]
    .filter((id): id is number => id !== undefined)
    .slice(0, 50);
  if (unitIds.length === 0) return null;
  const seconds = every !== null && /^\d{1,6}$/.test(every) ? Number(every) : DEFAULT_EVERY;
  return { unitIds, every: Math.max(MIN_EVERY, seconds) };
}

/** The dashboard a command-center address shows first (the wall's first rotating unit, if any). */
export function initialQuery(route: Route, search: URLSearchParams): { unitId?: number; month?: string } {
  const rotation = route.wall ? parseRotation(search.get('rotate'), search.get('every')) : null;
  const unitId = rotation?.unitIds[0] ?? route.unitId;
  const month = parseMonth(search.get('month'));
  return { ...(unitId === undefined ? {} : { unitId }), ...(month ? { month } : {}) };
}

/** The wall's nightly reload, local time of day. */
export interface ReloadAt {
  hour: number;
  minute: number;
}

export const DEFAULT_RELOAD_AT: ReloadAt = { hour: 4, minute: 0 };

/** `?reload=HH:MM` (local time; default 04:00) or `?reload=off`; anything malformed is the default. */
export function parseReloadAt(value: string | null): ReloadAt | null {
  if (value === 'off') return null;
  const m = value ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : DEFAULT_RELOAD_AT;
}

/** A wall reloads only after it has been open this long, so one opened just before the hour is left alone. */
export const MIN_UPTIME_MS = 6 * 3600_000;

/** The first `at` (local time) at least MIN_UPTIME_MS after `openedAt`. */
export function nextReload(openedAt: Date, at: ReloadAt): Date {
  const earliest = new Date(openedAt.getTime() + MIN_UPTIME_MS);
  const next = new Date(earliest);
  next.setHours(at.hour, at.minute, 0, 0);
  if (next < earliest) {
    // The day first, then the time again: a time a clock change skipped is not carried into the next day.
    next.setDate(next.getDate() + 1);
    next.setHours(at.hour, at.minute, 0, 0);
  }
  return next;
}

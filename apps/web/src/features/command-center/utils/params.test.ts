import { describe, expect, it } from 'vitest';
import { dashboardPath, monthDays, ticketExportUrl } from './links.ts';
import { nextReload, parseReloadAt, parseRotation, parseRoute } from './params.ts';

describe('command center addresses', () => {
  it('tells the overview of a unit from the wall', () => {
    expect(parseRoute(undefined, undefined)).toEqual({ wall: false, unitId: undefined, invalid: false });
    expect(parseRoute('12', undefined)).toEqual({ wall: false, unitId: 12, invalid: false });
    expect(parseRoute('wall', '12')).toEqual({ wall: true, unitId: 12, invalid: false });
    expect(parseRoute('wall', undefined)).toEqual({ wall: true, unitId: undefined, invalid: false });
    expect(parseRoute('x', undefined).invalid).toBe(true);
    expect(parseRoute('12', '3').invalid).toBe(true);
    expect(dashboardPath(12, { wall: true, month: '2026-08' })).toBe('/command-center/wall/12?month=2026-08');
  });

  it('reads a rotation, ignoring junk and too short intervals', () => {
    expect(parseRotation('3, 17,x,3', '5')).toEqual({ unitIds: [3, 17], every: 10 });
    expect(parseRotation('3', null)).toEqual({ unitIds: [3], every: 60 });
    expect(parseRotation('', '60')).toBeNull();
  });

  it('builds the export of a list and the days of a month', () => {
    expect(ticketExportUrl({ within: 1, state: 'open', light: 'red' })).toBe(
      '/api/v1/tickets/export?within=1&state=open&light=red&format=xlsx',
    );
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('reads the nightly reload and finds its first time six hours or more after opening', () => {
    expect(parseReloadAt(null)).toEqual({ hour: 4, minute: 0 });
    expect(parseReloadAt('02:30')).toEqual({ hour: 2, minute: 30 });
    expect(parseReloadAt('off')).toBeNull();
    expect(parseReloadAt('24:00')).toEqual({ hour: 4, minute: 0 });
    expect(parseReloadAt('4:00')).toEqual({ hour: 4, minute: 0 });
    const at = { hour: 4, minute: 0 };
    // Local times: the wall's day is the display's.
    expect(nextReload(new Date(2026, 10, 23, 9, 0), at)).toEqual(new Date(2026, 10, 24, 4, 0));
    expect(nextReload(new Date(2026, 10, 23, 21, 30), at)).toEqual(new Date(2026, 10, 24, 4, 0));
    expect(nextReload(new Date(2026, 10, 23, 22, 0), at)).toEqual(new Date(2026, 10, 24, 4, 0));
    expect(nextReload(new Date(2026, 10, 23, 22, 1), at)).toEqual(new Date(2026, 10, 25, 4, 0));
    expect(nextReload(new Date(2026, 11, 31, 12, 0), at)).toEqual(new Date(2027, 0, 1, 4, 0));
  });
});

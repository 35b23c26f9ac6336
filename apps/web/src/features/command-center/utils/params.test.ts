import { describe, expect, it } from 'vitest';
import { dashboardPath, monthDays, ticketExportUrl } from './links.ts';
import { parseRotation, parseRoute } from './params.ts';

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
});

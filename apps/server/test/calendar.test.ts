/** The working calendar over HTTP: seeded official years, the administrator's edits and imports, warnings, deadline preview. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/modules/access/actor.ts';
import { api, signIn, type Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let admin: Client;
let worker: Client;
let dispatcher: Client;
beforeAll(async () => {
  rt = await testRuntime();
  const county = await rt.services.units.create(systemActor, { parentId: null, kind: 'county', name: '县', code: '430624' });
  [admin, worker, dispatcher] = [
    await signIn(rt, 'systemAdmin', county.id),
    await signIn(rt, 'gridWorker', county.id),
    await signIn(rt, 'countyDispatcher', county.id),
  ];
});
afterAll(() => rt.close());

const preview = (c: Client, start: string, rule: string) =>
  api(c, 'GET', `/api/v1/calendar/deadline?start=${encodeURIComponent(start)}&${rule}`);
const calendar2027 = { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] as string[] };

describe('working calendar', () => {
  it('counts the seed example over the seeded 2026 calendar for anyone signed in', async () => {
    const start = '2026-09-30T09:00:00+08:00';
    const expected: [string, string, string][] = [
      ['workdays=1', '2026-10-08', '2026-10-08T16:00:00.000Z'],
      ['workdays=3', '2026-10-10', '2026-10-10T16:00:00.000Z'],
      ['workdays=7', '2026-10-15', '2026-10-15T16:00:00.000Z'],
      ['months=1', '2026-10-30', '2026-10-30T16:00:00.000Z'],
    ];
    for (const [rule, dueDate, dueAt] of expected) {
      const res = await preview(worker, start, rule);
      expect(res.status, rule).toBe(200);
      expect(res.body).toMatchObject({ startDate: '2026-09-30', dueDate, dueAt, missingYears: [] });
    }
    const yellow = await preview(worker, start, 'workdays=7&yellowWorkdaysBefore=1');
    expect(yellow.body.yellowAt).toBe('2026-10-13T16:00:00.000Z');
    expect((await preview(worker, start, 'workdays=1&months=1')).status).toBe(400);
  });

  it('lists the official years 2004–2026 and names the missing next year', async () => {
    const { status, body } = await api(worker, 'GET', '/api/v1/calendar/years');
    expect(status).toBe(200);
    expect(body.items.map((y: { year: number }) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(body.items.every((y: { source: string }) => y.source === 'official')).toBe(true);
    expect(body.missingYears).toEqual([2027]);
    const y2026 = await api(worker, 'GET', '/api/v1/calendar/years/2026');
    expect(y2026.body.workdays).toContain('2026-10-10');
    expect(y2026.body.holidays).toContain('2026-10-01');
    expect((await api(worker, 'GET', '/api/v1/calendar/years/2027')).status).toBe(404);
  });

  it('warns about next year from 1 November and about years a stored deadline needed', async () => {
    expect((await api(admin, 'GET', '/api/v1/calendar/warnings')).body.items).toEqual([]);
    await rt.services.calendar.noteMissingYears([2028, 2028]);
    const noted = { year: 2028, reason: 'deadline', notedAt: '2026-09-30T01:00:00.000Z' };
    expect((await api(admin, 'GET', '/api/v1/calendar/warnings')).body.items).toEqual([noted]);
    // Moving the clock would end the test sessions: ask the service about 2 November directly.
    expect((await rt.services.calendar.warnings(new Date('2026-11-01T16:00:00Z'))).items).toEqual([
      { year: 2027, reason: 'nextYear', notedAt: null },
      noted,
    ]);
    expect((await rt.services.calendar.warnings(new Date('2026-10-31T15:59:59Z'))).items).toEqual([noted]);
  });

  it('lets only the system administrator edit a year, refusing others with 403', async () => {
    expect((await api(worker, 'PUT', '/api/v1/calendar/years/2027', calendar2027)).status).toBe(403);
    expect((await api(dispatcher, 'PUT', '/api/v1/calendar/years/2027', calendar2027)).status).toBe(403);
    expect(
      (await api(dispatcher, 'POST', '/api/v1/calendar/import', { format: 'csv', content: '2027-01-01,holiday' })).status,
    ).toBe(403);
    expect((await api(worker, 'GET', '/api/v1/calendar/warnings')).status).toBe(403);
  });

  it('stops reporting a year missing once the administrator enters it, and audits the edit', async () => {
    const before = await preview(worker, '2026-12-30T10:00:00+08:00', 'workdays=2');
    expect(before.body).toMatchObject({ dueDate: '2027-01-01', missingYears: [2027] });

    const put = await api(admin, 'PUT', '/api/v1/calendar/years/2027', calendar2027);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ year: 2027, source: 'admin', updatedBy: admin.userId, holidays: calendar2027.holidays });

    const after = await preview(worker, '2026-12-30T10:00:00+08:00', 'workdays=2');
    expect(after.body).toMatchObject({ dueDate: '2027-01-04', missingYears: [] });
    expect((await api(worker, 'GET', '/api/v1/calendar/years')).body.missingYears).toEqual([]);

    const rows = await rt.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'workCalendar.update').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: admin.userId, object_type: 'workCalendar', object_id: '2027', result: 'ok' });
    expect(rows[0]!.detail).toMatchObject({ year: 2027, holidays: { added: calendar2027.holidays, removed: [] } });
  });

  it('refuses a holiday outside the year, a malformed date and a weekday adjusted workday with 400 problem+json', async () => {
    const cases: [unknown, string][] = [
      [{ holidays: ['2028-01-01'], workdays: [] }, '/body/holidays/0'],
      [{ holidays: ['2027-01-01'], workdays: ['2027-01-04'] }, '/body/workdays/0'],
      [{ holidays: ['2027-01-02'], workdays: ['2027-01-02'] }, '/body/workdays/0'],
      [{ holidays: [], workdays: [] }, '/body/holidays'],
    ];
    for (const [body, path] of cases) {
      const res = await api(admin, 'PUT', '/api/v1/calendar/years/2027', body);
      expect(res.status, path).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ path }] });
    }
    const malformed = await rt.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { holidays: ['2027-02-30'], workdays: [] },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(malformed.json().detail ?? malformed.json().errors?.[0]?.path).toMatch(/holidays/);
    // The stored 2027 calendar is untouched.
    expect((await api(worker, 'GET', '/api/v1/calendar/years/2027')).body.holidays).toEqual(calendar2027.holidays);
  });

  it('imports a CSV file and a chinese-days year file', async () => {
    const csv = '日期,类型\n2029-01-01,休\n2029-02-10,holiday\n2029-02-03,班\n';
    const res = await api(admin, 'POST', '/api/v1/calendar/import', { format: 'csv', content: csv });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2029,
      source: 'import',
      holidays: ['2029-01-01', '2029-02-10'],
      workdays: ['2029-02-03'],
    });
    const json = JSON.stringify({
      holidays: { '2030-01-01': "New Year's Day,元旦,1" },
      workdays: {},
      inLieuDays: { '2030-01-01': "New Year's Day,元旦,1" },
    });
    expect((await api(admin, 'POST', '/api/v1/calendar/import', { format: 'json', content: json })).body).toMatchObject({
      year: 2030,
      holidays: ['2030-01-01'],
    });
    const bad = await api(admin, 'POST', '/api/v1/calendar/import', { format: 'csv', content: '2031-01-01,maybe\n' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: '/body/content' });
    expect(
      await rt.db.db.selectFrom('audit_log').select('object_id').where('action', '=', 'workCalendar.import').execute(),
    ).toEqual([{ object_id: '2029' }, { object_id: '2030' }]);
  });
});

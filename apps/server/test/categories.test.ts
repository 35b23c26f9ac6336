/**
 * Category administration (系统管理 → 事件类别): a system administrator adds and changes categories,
 * audited; a category's own deadline rules, extra fields and retirement take effect at intake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { inGrid, report, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;
let admin: Client;

beforeAll(async () => {
  rt = await testRuntime();
  w = await ticketWorld(rt);
  admin = await signIn(rt, 'systemAdmin', w.county.id);
});
afterAll(() => rt?.close());

const rules = (accept: number, feedback: number, resolve: number, yellowWorkdaysBefore = 0) => ({
  accept: { workdays: accept },
  feedback: { workdays: feedback },
  resolve: { workdays: resolve, yellowWorkdaysBefore },
});
const wellCategory = {
  code: 'water.well',
  name: '机井损坏',
  parentId: null,
  defaultLevel: 'village',
  deadlineClass: 'ordinary',
  deadlines: { normal: rules(2, 4, 10, 2), urgent: rules(1, 1, 3) },
  fieldsSchema: {
    type: 'object',
    properties: { depthM: { type: 'number', title: '井深（米）', minimum: 1 } },
    required: ['depthM'],
    additionalProperties: false,
  },
  duplicateRadiusM: 500,
  duplicateWindowDays: 14,
};

describe('category administration', () => {
  it('adds a category whose own deadlines, level and extra fields apply to the next report, audited', async () => {
    const created = await api(admin, 'POST', '/api/v1/ticket-categories', wellCategory);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'water.well', customDeadlines: true, duplicateRadiusM: 500, status: 'active' });
    const audit = await rt.db.db.selectFrom('audit_log').select('action').where('action', '=', 'category.create').execute();
    expect(audit).toHaveLength(1);

    // The test clock stands at 2026-09-30 09:00: 2 / 4 / 10 working days across the National Day holiday.
    const base = {
      title: '村口机井不出水',
      description: '机井抽不上水',
      categoryId: created.body.id,
      channel: 'gridWorker',
      location: inGrid,
    };
    const bad = await report(w.users.worker, { ...base, fields: { depthM: 0 } });
    expect(bad.status).toBe(400);
    const t = (await report(w.users.worker, { ...base, fields: { depthM: 40 } })).body;
    expect(t.holder.level).toBe('village');
    expect(Object.fromEntries(t.deadlines.map((d: { stage: string; dueAt: string }) => [d.stage, d.dueAt]))).toEqual({
      accept: '2026-10-09T16:00:00.000Z',
      feedback: '2026-10-12T16:00:00.000Z',
      resolve: '2026-10-20T16:00:00.000Z',
    });
  });

  it('refuses rules without one measure, a schema that is no object schema, a taken code, a loop of parents, and non-administrators', async () => {
    const id = (await api(admin, 'GET', '/api/v1/ticket-categories')).body.find(
      (c: { code: string }) => c.code === 'water.well',
    ).id;
    const child = (
      await api(admin, 'POST', '/api/v1/ticket-categories', { code: 'water.well.pump', name: '水泵故障', parentId: id })
    ).body;
    const cases: [unknown, number, string][] = [
      [
        {
          ...wellCategory,
          code: 'x.a',
          deadlines: { normal: rules(1, 3, 7), urgent: { ...rules(1, 1, 3), accept: { workdays: 1, months: 1 } } },
        },
        400,
        '/body/deadlines/urgent/accept',
      ],
      [{ ...wellCategory, code: 'x.b', fieldsSchema: { type: 'array' } }, 400, '/body/fieldsSchema/type'],
      [
        { ...wellCategory, code: 'x.c', fieldsSchema: { type: 'object', properties: { a: { type: 'nonsense' } } } },
        400,
        '/body/fieldsSchema',
      ],
      [{ ...wellCategory, code: 'x.d', parentId: 999_999 }, 400, '/body/parentId'],
      [wellCategory, 409, ''],
    ];
    for (const [body, status, path] of cases) {
      const res = await api(admin, 'POST', '/api/v1/ticket-categories', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const loop = await api(admin, 'PUT', `/api/v1/ticket-categories/${id}`, { ...wellCategory, parentId: child.id });
    expect([loop.status, loop.body.errors?.[0]?.path]).toEqual([400, '/body/parentId']);
    const taken = await api(admin, 'PUT', `/api/v1/ticket-categories/${child.id}`, { code: 'water.well', name: '水泵故障' });
    expect(taken.status).toBe(409);
    expect((await api(w.users.township, 'POST', '/api/v1/ticket-categories', { code: 'x.e', name: '某类' })).status).toBe(403);
  });

  it('retires a category: kept on its tickets, refused for new reports', async () => {
    const c = (await api(admin, 'GET', '/api/v1/ticket-categories')).body.find((x: { code: string }) => x.code === 'water.well');
    const changed = await api(admin, 'PUT', `/api/v1/ticket-categories/${c.id}`, {
      ...wellCategory,
      name: '机井故障',
      status: 'retired',
    });
    expect(changed.body).toMatchObject({ name: '机井故障', status: 'retired' });
    const refused = await report(w.users.worker, {
      title: '机井漏水',
      description: '机井漏水',
      categoryId: c.id,
      channel: 'gridWorker',
      location: inGrid,
      fields: { depthM: 30 },
    });
    expect([refused.status, refused.body.errors[0].path]).toEqual([400, '/body/categoryId']);
    expect(
      await rt.db.db.selectFrom('audit_log').select('action').where('action', '=', 'category.update').execute(),
    ).toHaveLength(1);
  });
});

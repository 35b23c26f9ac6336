import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, newStaff, smallTree } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime();
  t = await smallTree(rt);
});
afterAll(() => rt.close());

describe('staff and roles', () => {
  it('stores phones encrypted and answers them masked', async () => {
    const s = await newStaff(t.official, t.village.id, '王建国', '13812345678');
    expect(s.phone).toBe('138****5678');
    const row = await rt.db.db.selectFrom('staff').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('13812345678');
    const byPhone = (await api(t.official, 'GET', '/api/v1/staff?phone=13812345678')).body;
    expect(byPhone.items.map((x: { id: number }) => x.id)).toEqual([s.id]);
  });

  it('keeps exactly one active grid leader per grid, and history when one ends', async () => {
    const a = await newStaff(t.official, t.village.id, '李明');
    const b = await newStaff(t.official, t.village.id, '张华');
    const first = await api(t.official, 'POST', '/api/v1/assignments', {
      staffId: a.id,
      unitId: t.grid.id,
      role: 'gridLeader',
      startsOn: '2025-01-01',
    });
    expect(first.status).toBe(201);
    expect(first.body.active).toBe(true);
    const second = await api(t.official, 'POST', '/api/v1/assignments', { staffId: b.id, unitId: t.grid.id, role: 'gridLeader' });
    expect(second.status).toBe(409);
    expect(second.body.detail).toMatch(/already has an active grid leader/);
    const ended = await api(t.official, 'POST', `/api/v1/assignments/${first.body.id}/end`, {
      endsOn: '2026-09-29',
      reason: '换届',
    });
    expect(ended.body.active).toBe(false);
    expect(
      (await api(t.official, 'POST', '/api/v1/assignments', { staffId: b.id, unitId: t.grid.id, role: 'gridLeader' })).status,
    ).toBe(201);
    const roster = (await api(t.official, 'GET', `/api/v1/roster?within=${t.county.id}&role=gridLeader`)).body;
    expect(roster.items.map((x: { staff: { name: string } }) => x.staff.name)).toEqual(['张华']);
    const withEnded = (await api(t.official, 'GET', `/api/v1/roster?within=${t.county.id}&role=gridLeader&active=false`)).body;
    expect(withEnded.total).toBe(2);
    const history = (await api(t.official, 'GET', `/api/v1/staff/${a.id}/assignments`)).body;
    expect(history[0]).toMatchObject({ role: 'gridLeader', endsOn: '2026-09-29', active: false });
  });

  it('refuses a role at the wrong kind of unit and a welfare post without its name', async () => {
    const s = await newStaff(t.official, t.village.id, '赵六');
    const wrong = await api(t.official, 'POST', '/api/v1/assignments', {
      staffId: s.id,
      unitId: t.village.id,
      role: 'microGridWorker',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('/body/role');
    const post = await api(t.official, 'POST', '/api/v1/assignments', { staffId: s.id, unitId: t.grid.id, role: 'welfarePost' });
    expect(post.status).toBe(400);
    expect(
      (
        await api(t.official, 'POST', '/api/v1/assignments', {
          staffId: s.id,
          unitId: t.grid.id,
          role: 'welfarePost',
          post: '护林员',
        })
      ).status,
    ).toBe(201);
  });

  it('attaches a party group to several grids of one village only', async () => {
    const g2 = (await api(t.official, 'POST', '/api/v1/units', { parentId: t.village.id, kind: 'grid', name: '第2网格' })).body;
    const pg = await api(t.official, 'POST', `/api/v1/units/${t.village.id}/party-groups`, {
      name: '东塘村第一党小组',
      gridIds: [t.grid.id, g2.id],
    });
    expect(pg.status).toBe(201);
    expect(pg.body.grids).toHaveLength(2);
    const other = (await api(t.official, 'POST', '/api/v1/units', { parentId: t.village2.id, kind: 'grid', name: '别村网格' }))
      .body;
    const bad = await api(t.official, 'POST', `/api/v1/units/${t.village.id}/party-groups`, { name: 'x', gridIds: [other.id] });
    expect(bad.status).toBe(400);
  });
});

describe('households', () => {
  it('belong to the lowest unit of a household kind, and moves keep history', async () => {
    const inVillage = await api(t.official, 'POST', '/api/v1/households', {
      unitId: t.village.id,
      address: '东塘村1号',
      headName: '刘一',
    });
    expect(inVillage.status).toBe(400);
    expect(inVillage.body.detail).toMatch(/not a village/);
    const grid = (await api(t.official, 'POST', '/api/v1/units', { parentId: t.village.id, kind: 'grid', name: '第3网格' })).body;
    const mg = (await api(t.official, 'POST', '/api/v1/units', { parentId: grid.id, kind: 'microGrid', name: '第1微网格' })).body;
    const notLowest = await api(t.official, 'POST', '/api/v1/households', {
      unitId: grid.id,
      address: '东塘村2号',
      headName: '刘二',
    });
    expect(notLowest.status).toBe(400);
    expect(notLowest.body.errors[0].message).toBe('not the lowest unit');
    const h = await api(t.official, 'POST', '/api/v1/households', {
      unitId: mg.id,
      address: '东塘村3号',
      headName: '刘三',
      memberCount: 4,
    });
    expect(h.status).toBe(201);
    const mg2 = (await api(t.official, 'POST', '/api/v1/units', { parentId: grid.id, kind: 'microGrid', name: '第2微网格' }))
      .body;
    const moved = await api(t.official, 'POST', `/api/v1/households/${h.body.id}/move`, { unitId: mg2.id, reason: '划片调整' });
    expect(moved.body.unit.id).toBe(mg2.id);
    const history = (await api(t.official, 'GET', `/api/v1/households/${h.body.id}/history`)).body;
    expect(history).toMatchObject([{ from: { id: mg.id }, to: { id: mg2.id }, reason: '划片调整' }]);
    const list = (await api(t.official, 'GET', `/api/v1/households?within=${t.village.id}&q=刘三`)).body;
    expect(list.total).toBe(1);
  });
});

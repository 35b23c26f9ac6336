import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitsRepo } from '../src/modules/units/units.repo.ts';
import { api, smallTree } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(() => rt.close());

const count = async (table: 'unit' | 'unit_history') =>
  (
    await rt.db.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('unit tree', () => {
  let t: Awaited<ReturnType<typeof smallTree>>;
  beforeAll(async () => {
    t = await smallTree(rt);
  });

  it('gives grids and smaller units stable codes under their parent’s code', async () => {
    expect(t.grid.code).toBe('430624101001001');
    const mg = (await api(t.official, 'POST', '/api/v1/units', { parentId: t.grid.id, kind: 'microGrid', name: '第1微网格' }))
      .body;
    expect(mg.code).toBe('430624101001001001');
    expect(mg.level).toBe(5);
    const hg = (await api(t.official, 'POST', '/api/v1/units', { parentId: mg.id, kind: 'householdGroup', name: '第1联户' }))
      .body;
    expect(hg.code).toBe('430624101001001001001');
  });

  it('refuses an unknown parent, a wrong parent kind and a duplicate code, writing nothing', async () => {
    const before = await count('unit');
    const unknown = await api(t.official, 'POST', '/api/v1/units', { parentId: 99999, kind: 'grid', name: 'x' });
    // Unknown and out-of-scope parents get the same answer, so nobody can probe for units.
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('unit 99999 not found');
    const wrongKind = await api(t.official, 'POST', '/api/v1/units', { parentId: t.township.id, kind: 'grid', name: 'x' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.detail).toMatch(/grid must have a village/);
    const dup = await api(t.official, 'POST', '/api/v1/units', {
      parentId: t.township.id,
      kind: 'village',
      name: '重复',
      code: '430624101001',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toContain('430624101001');
    const foreign = await api(t.official, 'POST', '/api/v1/units', {
      parentId: t.township.id,
      kind: 'village',
      name: '外县',
      code: '430625101001',
    });
    expect(foreign.status).toBe(400);
    expect(await count('unit')).toBe(before);
  });

  it('renames and moves with history, and refuses a stale version and a cycle', async () => {
    const renamed = await api(t.official, 'PATCH', `/api/v1/units/${t.grid.id}`, {
      version: t.grid.version,
      name: '东塘一组网格',
      reason: '村民代表会议决定',
    });
    expect(renamed.status).toBe(200);
    const stale = await api(t.official, 'PATCH', `/api/v1/units/${t.grid.id}`, { version: t.grid.version, name: 'again' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: renamed.body.version });
    expect(stale.body.current.name).toBe('东塘一组网格');
    const moved = await api(t.official, 'PATCH', `/api/v1/units/${t.grid.id}`, {
      version: renamed.body.version,
      parentId: t.village2.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(t.village2.id);
    // The subtree moved with it.
    const row = await unitsRepo.findById(rt.db.db, t.grid.id);
    const child = await rt.db.db.selectFrom('unit').select('path').where('parent_id', '=', t.grid.id).executeTakeFirstOrThrow();
    expect(child.path.startsWith(`${row!.path}.`)).toBe(true);
    const history = (await api(t.official, 'GET', `/api/v1/units/${t.grid.id}/history`)).body;
    expect(history.map((h: { change: string }) => h.change)).toEqual(['moved', 'renamed', 'created']);
    const cycle = await api(t.official, 'PATCH', `/api/v1/units/${t.township.id}`, {
      version: t.township.version,
      parentId: t.village.id,
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.detail).toMatch(/cycle/);
  });

  it('retires only a unit without active children', async () => {
    const refused = await api(t.official, 'POST', `/api/v1/units/${t.village2.id}/retire`, { version: t.village2.version });
    expect(refused.status).toBe(409);
    const empty = (await api(t.official, 'POST', '/api/v1/units', { parentId: t.village.id, kind: 'grid', name: '临时网格' }))
      .body;
    const retired = await api(t.official, 'POST', `/api/v1/units/${empty.id}/retire`, { version: empty.version, reason: '合并' });
    expect(retired.body.status).toBe('retired');
    const list = (await api(t.official, 'GET', `/api/v1/units?parentId=${t.village.id}`)).body;
    expect(list.items.map((u: { id: number }) => u.id)).not.toContain(empty.id);
    const all = (await api(t.official, 'GET', `/api/v1/units?parentId=${t.village.id}&status=all`)).body;
    expect(all.items.map((u: { id: number }) => u.id)).toContain(empty.id);
  });

  it('lists roots, children, subtrees and search results with paging', async () => {
    // Without filters: the top of what the caller may see, here the county of their grant.
    const roots = (await api(t.official, 'GET', '/api/v1/units')).body;
    expect(roots.items.map((u: { name: string }) => u.name)).toEqual(['测试县']);
    expect(roots.items[0].childCount).toBe(1);
    const sub = (await api(t.official, 'GET', `/api/v1/units?within=${t.county.id}&limit=2&offset=1`)).body;
    expect(sub.total).toBeGreaterThanOrEqual(6);
    expect(sub.items).toHaveLength(2);
    // Every level of `within` (the county, a township through its listing-order index, a village):
    // the pages together are exactly the active units below it, in (level, code) order.
    for (const { id } of [t.county, t.township, t.village]) {
      const within = (await unitsRepo.findById(rt.db.db, id))!;
      const expected = await rt.db.db
        .selectFrom('unit')
        .select(['id', 'level', 'code'])
        .where(sql<boolean>`path <@ ${within.path}::ltree`)
        .where('id', '!=', within.id)
        .where('status', '=', 'active')
        .orderBy('level')
        .orderBy('code')
        .execute();
      const seen: number[] = [];
      for (let offset = 0; offset < expected.length; offset += 2) {
        const page = (await api(t.official, 'GET', `/api/v1/units?within=${within.id}&limit=2&offset=${offset}`)).body;
        expect(page.total).toBe(expected.length);
        seen.push(...page.items.map((u: { id: number }) => u.id));
      }
      expect(seen).toEqual(expected.map((u) => u.id));
    }
    const found = (await api(t.official, 'GET', '/api/v1/units?q=塘村')).body;
    expect(found.items.map((u: { name: string }) => u.name).sort()).toEqual(['东塘村', '新塘村']);
    const byCode = (await api(t.official, 'GET', '/api/v1/units?q=430624101002')).body;
    expect(byCode.items[0].name).toBe('新塘村');
  });

  it('keeps unit chains for intake in memory, cleared by every rename made through the server', async () => {
    const chains = rt.services.unitChains;
    // (an earlier test moved the grid: its village is whichever holds it now)
    const villageId = (await unitsRepo.findById(rt.db.db, t.grid.id))!.parent_id!;
    const village = (await api(t.official, 'GET', `/api/v1/units/${villageId}`)).body.unit;
    const chain = await chains.get(t.grid.id);
    expect(chain.at(-1)!.id).toBe(t.grid.id);
    expect(chain.map((u) => u.id)).toContain(villageId);
    expect(chain[0]!.id).toBe(t.county.id);
    const nameIn = async () => (await chains.get(t.grid.id)).find((u) => u.id === villageId)!.name;
    const before = await nameIn();
    expect(before).toBe('新塘村');
    // A change behind the server's back (another process) waits for the TTL…
    await rt.db.db.updateTable('unit').set({ name: '后台改名村' }).where('id', '=', villageId).execute();
    expect(await nameIn()).toBe(before);
    // …one through the server is seen at once.
    const renamed = await api(t.official, 'PATCH', `/api/v1/units/${villageId}`, {
      version: village.version,
      name: '东塘新村',
    });
    expect(renamed.status).toBe(200);
    expect(await nameIn()).toBe('东塘新村');
    expect(await chains.get(999_999)).toEqual([]);
  });
});

import { sql, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/lib/id-number.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { PeopleExport } from '../src/modules/people/people.export.ts';
import { peopleRepo, type PersonFilter } from '../src/modules/people/people.repo.ts';
import { api, smallTree } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime();
  t = await smallTree(rt);
});
afterAll(() => rt.close());

const id = (birth: string, seq: number) => makeIdNumber('430624', birth, seq);
const person = (over: Record<string, unknown> = {}) => ({
  unitId: t.grid.id,
  name: '张三丰',
  idNumber: id('1960-05-01', 11),
  residenceType: 'registered',
  ...over,
});

describe('people', () => {
  it('registers a person, deriving birth date, age and sex from the ID number, and answers it masked', async () => {
    const res = await api(t.official, 'POST', '/api/v1/people', person({ phone: '13912345678', flags: ['leftBehindElderly'] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sex: 'male', birthDate: '1960-05-01', age: 66, phone: '139****5678' });
    expect(res.body.idNumber).toMatch(/^430\*{11}\d{3}[\dX]$/);
    const revealed = await api(t.official, 'POST', `/api/v1/people/${res.body.id}/reveal-id-number`);
    expect(revealed.body.value).toBe(id('1960-05-01', 11));
  });

  it('refuses wrong check characters, impossible dates, unknown regions, contradictions and a second person with the same ID', async () => {
    const good = id('1990-02-28', 22);
    const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: wrongCheck }, 'check character'],
      [{ idNumber: makeIdNumber('430624', '1990-02-30', 22) }, 'impossible birth date'],
      [{ idNumber: makeIdNumber('999999', '1990-02-28', 22) }, 'unknown region code'],
      [{ idNumber: good, sex: 'male' }, 'sex contradicts'],
      [{ idNumber: good, birthDate: '1990-03-01' }, 'birth date contradicts'],
    ];
    for (const [over, message] of cases) {
      const res = await api(t.official, 'POST', '/api/v1/people', person({ name: '李四', ...over }));
      expect(res.status, message).toBe(400);
      expect(JSON.stringify(res.body.errors)).toContain(message);
    }
    const dup = await api(t.official, 'POST', '/api/v1/people', person({ name: '另一个张三丰' }));
    expect(dup.status).toBe(409);
    const village = await api(t.official, 'POST', '/api/v1/people', person({ unitId: t.village.id, idNumber: good }));
    expect(village.status).toBe(400);
  });

  it('finds people by partial Chinese name, exact ID number, phone, address, age and flags', async () => {
    await api(
      t.official,
      'POST',
      '/api/v1/people',
      person({ name: '王小明', idNumber: id('2015-06-01', 33), address: '东塘村五组8号', flags: ['leftBehindChild'] }),
    );
    await api(
      t.official,
      'POST',
      '/api/v1/people',
      person({ name: '王大明', idNumber: id('1950-06-01', 35), residenceType: 'migrant' }),
    );
    const names = async (qs: string) =>
      (await api(t.official, 'GET', `/api/v1/people?within=${t.county.id}&${qs}`)).body.items
        .map((p: { name: string }) => p.name)
        .sort();
    expect(await names(`q=${encodeURIComponent('明')}`)).toEqual(['王大明', '王小明']);
    expect(await names(`q=${encodeURIComponent('小明')}`)).toEqual(['王小明']);
    expect(await names(`q=${encodeURIComponent('三丰')}`)).toEqual(['张三丰']);
    expect(await names(`idNumber=${id('1950-06-01', 35)}`)).toEqual(['王大明']);
    expect(await names('phone=13912345678')).toEqual(['张三丰']);
    // Exact lookups answer without a count statement; their totals still hold, on any page.
    const page = async (qs: string) => (await api(t.official, 'GET', `/api/v1/people?within=${t.county.id}&${qs}`)).body;
    expect(await page(`idNumber=${id('1950-06-01', 35)}`)).toMatchObject({ total: 1, totalIsEstimate: false });
    expect(await page(`idNumber=${id('1950-06-02', 35)}`)).toMatchObject({ items: [], total: 0 });
    expect(await page(`idNumber=${id('1950-06-01', 35)}&offset=5`)).toMatchObject({ items: [], total: 1 });
    expect(await page('phone=13912345678&limit=1')).toMatchObject({ total: 1 });
    // Text searches count their matches in the page's own scan; past the last page, a count statement.
    expect(await page(`q=${encodeURIComponent('明')}&limit=1`)).toMatchObject({ total: 2, totalIsEstimate: false });
    expect(await page(`q=${encodeURIComponent('明')}&offset=10`)).toMatchObject({ items: [], total: 2 });
    expect(await page(`address=${encodeURIComponent('五组')}`)).toMatchObject({ total: 1 });
    expect(await names(`address=${encodeURIComponent('五组')}`)).toEqual(['王小明']);
    expect(await names(`address=${encodeURIComponent('五')}`)).toEqual(['王小明']); // one character: LIKE alone
    expect(await names('ageMax=17')).toEqual(['王小明']);
    expect(await names('ageMin=66&ageMax=76')).toEqual(['张三丰', '王大明']);
    expect(await names('flag=leftBehindChild')).toEqual(['王小明']);
    // Sorted as asked, on every kind of search (the name order is the database's collation, as the list shows it).
    const inOrder = async (qs: string) =>
      (await api(t.official, 'GET', `/api/v1/people?within=${t.county.id}&${qs}`)).body.items.map(
        (p: { name: string }) => p.name,
      );
    expect(await inOrder('sort=birthDate')).toEqual(['王大明', '张三丰', '王小明']);
    expect(await inOrder('sort=-birthDate')).toEqual(['王小明', '张三丰', '王大明']);
    expect(await inOrder(`sort=-birthDate&q=${encodeURIComponent('明')}`)).toEqual(['王小明', '王大明']);
    expect(await inOrder('sort=-birthDate&limit=1&offset=1')).toEqual(['张三丰']);
    const byName = await inOrder('sort=name');
    expect(byName).toHaveLength(3);
    expect(await inOrder('sort=name&limit=1&offset=2')).toEqual([byName[2]]);
    expect((await api(t.official, 'GET', `/api/v1/people?sort=age`)).status).toBe(400);
    expect(await names('residenceType=migrant')).toEqual(['王大明']);
  });

  it('edits with a version check and keeps the ID number', async () => {
    const p = (await api(t.official, 'GET', `/api/v1/people?within=${t.county.id}&q=${encodeURIComponent('大明')}`)).body
      .items[0];
    const ok = await api(t.official, 'PATCH', `/api/v1/people/${p.id}`, {
      version: p.version,
      occupation: '退休',
      phone: '13700000001',
    });
    expect(ok.body).toMatchObject({ occupation: '退休', phone: '137****0001', version: p.version + 1 });
    const stale = await api(t.official, 'PATCH', `/api/v1/people/${p.id}`, { version: p.version, occupation: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: p.version + 1, current: { occupation: '退休' } });
    const profile = (await api(t.official, 'GET', `/api/v1/people/${p.id}`)).body;
    expect(profile.person.name).toBe('王大明');
  });

  it('exports masked CSV within scope and records the export', async () => {
    const res = await rt.app.inject({
      url: `/api/v1/people/export?format=csv&within=${t.county.id}`,
      headers: { cookie: t.official.cookie },
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toContain('公民身份号码');
    expect(lines).toHaveLength(4);
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    const audit = await rt.db.db.selectFrom('audit_log').select('action').where('action', '=', 'person.export').execute();
    expect(audit).toHaveLength(1);
    const xlsx = await rt.app.inject({
      url: `/api/v1/people/export?format=xlsx&within=${t.county.id}`,
      headers: { cookie: t.official.cookie },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an export over its cap whole, before writing anything, rather than cutting it short', async () => {
    const { people, audit } = rt.services;
    const before = await rt.db.db.selectFrom('audit_log').select('id').where('action', '=', 'person.export').execute();
    const capped = (cap: number) => new PeopleExport(rt.db, rt.clock, people, audit, cap);
    const q = { within: t.county.id };
    await expect(capped(2).export(systemActor, q, 'csv')).rejects.toMatchObject({ status: 422, code: 'export_too_large' });
    const after = await rt.db.db.selectFrom('audit_log').select('id').where('action', '=', 'person.export').execute();
    expect(after).toHaveLength(before.length);
    // At the cap exactly, every row is written.
    const stream = await capped(3).export(systemActor, q, 'csv');
    let body = '';
    for await (const chunk of stream) body += String(chunk);
    expect(body.trim().split('\n')).toHaveLength(4);
  });

  it("lists a household's members (the report form offers them as the people involved)", async () => {
    const household = await api(t.official, 'POST', '/api/v1/households', {
      unitId: t.grid.id,
      address: '东塘村六组3号',
      headName: '赵建国',
    });
    expect(household.status).toBe(201);
    const member = (name: string, birth: string, seq: number, relationToHead: string) =>
      api(
        t.official,
        'POST',
        '/api/v1/people',
        person({ name, idNumber: id(birth, seq), householdId: household.body.id, relationToHead }),
      );
    expect((await member('赵建国', '1970-03-01', 41, '户主')).status).toBe(201);
    expect((await member('赵小芳', '2012-09-01', 42, '女')).status).toBe(201);
    const members = await api(t.official, 'GET', `/api/v1/people?within=${t.county.id}&householdId=${household.body.id}`);
    expect(members.body).toMatchObject({ total: 2 });
    expect(members.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['赵小芳', '赵建国']);
    // With a name: members of the household whose names match.
    const named = await api(t.official, 'GET', `/api/v1/people?householdId=${household.body.id}&q=${encodeURIComponent('小芳')}`);
    expect(named.body.items.map((p: { name: string }) => p.name)).toEqual(['赵小芳']);
    expect((await api(t.official, 'GET', '/api/v1/people?householdId=abc')).status).toBe(400);
  });

  it('finds people by flag and by household through their partial indexes, which hold only the people concerned', async () => {
    // The plan the people list's own filter gets, with sequential scans priced out (the test tables are tiny).
    const plan = (f: Omit<PersonFilter, 'scope'>) => {
      const q = peopleRepo
        .base(rt.db.db, { scope: sql<SqlBool>`true`, ...f })
        .select('p.id')
        .compile();
      return rt.db.raw.transaction(async (c) => {
        await c.query('set local enable_seqscan = off');
        const rows = (await c.query<{ 'QUERY PLAN': string }>(`explain ${q.sql}`, [...q.parameters])).rows;
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    };
    expect(await plan({ flag: 'leftBehindChild' })).toContain('person_flags');
    expect(await plan({ householdId: 1 })).toContain('person_household');
    const entries = async (index: string) =>
      (await rt.db.raw.query<{ n: number }>(`select count(*)::int as n from person where ${index}`)).rows[0]!.n;
    const indexed = (
      await rt.db.raw.query<{ i: string; pred: string }>(
        `select indexrelid::regclass::text as i, pg_get_expr(indpred, indrelid) as pred from pg_index
         where indrelid = 'person'::regclass and indpred is not null order by 1`,
      )
    ).rows;
    expect(indexed.map((r) => r.i)).toEqual(['person_flags', 'person_household', 'person_phone']);
    // Everyone without a flag or a household stays out of those indexes.
    expect(await entries(indexed[0]!.pred)).toBeLessThan(await entries('true'));
    expect(await entries(indexed[1]!.pred)).toBeLessThan(await entries('true'));
  });

  it('an edit empties a value with null: the phone, the household (leaving it), and so the person may move to another grid', async () => {
    const household = (
      await api(t.official, 'POST', '/api/v1/households', { unitId: t.grid.id, address: '东塘村七组1号', headName: '钱进' })
    ).body;
    const created = await api(
      t.official,
      'POST',
      '/api/v1/people',
      person({
        name: '钱进',
        idNumber: id('1975-06-01', 51),
        phone: '13900000051',
        ethnicity: '汉族',
        householdId: household.id,
        relationToHead: '户主',
        address: '东塘村七组1号',
      }),
    );
    expect(created.status).toBe(201);
    const p = created.body;
    const grid2 = (await api(t.official, 'POST', '/api/v1/units', { parentId: t.village.id, kind: 'grid', name: '第2网格' }))
      .body;
    // Still in a household of the first grid: refused beside the household.
    const stuck = await api(t.official, 'PATCH', `/api/v1/people/${p.id}`, { version: p.version, unitId: grid2.id });
    expect(stuck.status).toBe(400);
    expect(stuck.body.errors).toEqual([{ path: '/body/householdId', message: 'not in this unit' }]);

    const moved = await api(t.official, 'PATCH', `/api/v1/people/${p.id}`, {
      version: p.version,
      unitId: grid2.id,
      householdId: null,
      relationToHead: null,
      phone: null,
      ethnicity: null,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      unit: { id: grid2.id },
      householdId: null,
      relationToHead: null,
      phone: null,
      ethnicity: null,
      // What the edit did not name stays.
      name: '钱进',
      address: '东塘村七组1号',
      version: p.version + 1,
    });
    // Null is only for what may be empty; the document is never edited (naming it is refused, not ignored).
    expect((await api(t.official, 'PATCH', `/api/v1/people/${p.id}`, { version: p.version + 1, name: null })).status).toBe(400);
    expect((await api(t.official, 'PATCH', `/api/v1/people/${p.id}`, { version: p.version + 1, idNumber: 'X' })).status).toBe(
      400,
    );
  });
});

/**
 * People from outside the mainland (境外人员) registered with their own documents: a residence
 * permit, a foreign permanent residence ID, a passport or a travel permit; by the API and by import.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter, makeIdNumber } from '../src/lib/id-number.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { api, smallTree } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime();
  t = await smallTree(rt);
});
afterAll(() => rt.close());

const permanent = (birth: string, sexDigit: number) => {
  const first17 = `943840${birth.replaceAll('-', '')}12${sexDigit}`;
  return first17 + checkCharacter(first17);
};
const foreigner = (over: Record<string, unknown>) => ({
  unitId: t.grid.id,
  name: '约翰·史密斯',
  residenceType: 'foreign',
  ...over,
});
const post = (body: object) => api(t.official, 'POST', '/api/v1/people', body);
const found = async (idNumber: string) =>
  (await api(t.official, 'GET', `/api/v1/people?within=${t.county.id}&idNumber=${encodeURIComponent(idNumber)}`)).body.items.map(
    (p: { name: string }) => p.name,
  );

describe('people from outside the mainland', () => {
  it('registers a permanent residence ID with the birth date and sex it holds, masked like a resident ID', async () => {
    const number = permanent('1979-12-31', 3);
    const res = await post(foreigner({ idType: 'foreignPermanentId', idNumber: number }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      idType: 'foreignPermanentId',
      sex: 'male',
      birthDate: '1979-12-31',
      idNumber: '943***********' + number.slice(14),
    });
    expect(await found(number)).toEqual(['约翰·史密斯']);
    // Not for a registered resident, and its check character counts.
    const other = permanent('1980-01-01', 4);
    const registered = await post(foreigner({ idType: 'foreignPermanentId', idNumber: other, residenceType: 'registered' }));
    expect(registered.status).toBe(400);
    expect(JSON.stringify(registered.body.errors)).toContain('/body/idType');
    const wrong = await post(
      foreigner({ idType: 'foreignPermanentId', idNumber: other.slice(0, 17) + (other[17] === '1' ? '2' : '1') }),
    );
    expect(wrong.status).toBe(400);
  });

  it('needs the sex and birth date with a passport, finds it by its number, and refuses the same passport twice', async () => {
    const missing = await post(foreigner({ name: '玛丽亚', idType: 'passport', idNumber: 'E12345678' }));
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.errors)).toContain('/body/sex');
    expect(JSON.stringify(missing.body.errors)).toContain('/body/birthDate');
    const ok = await post(
      foreigner({ name: '玛丽亚', idType: 'passport', idNumber: 'e1234 5678', sex: 'female', birthDate: '1992-04-05' }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ idType: 'passport', idNumber: 'E*****678', sex: 'female', age: 34 });
    expect(await found('E12345678')).toEqual(['玛丽亚']);
    expect((await api(t.official, 'POST', `/api/v1/people/${ok.body.id}/reveal-id-number`)).body.value).toBe('E12345678');
    const again = await post(
      foreigner({ name: '另一人', idType: 'passport', idNumber: 'E12345678', sex: 'male', birthDate: '1990-01-01' }),
    );
    expect(again.status).toBe(409);
    // The same digits as a travel permit are another document.
    const permit = await post(
      foreigner({ name: '陈大文', idType: 'travelPermit', idNumber: '12345678', sex: 'male', birthDate: '1970-03-03' }),
    );
    const passport = await post(
      foreigner({ name: '白兰', idType: 'passport', idNumber: '12345678', sex: 'female', birthDate: '1971-03-03' }),
    );
    expect([permit.status, passport.status]).toEqual([201, 201]);
    expect((await found('12345678')).sort()).toEqual(['白兰', '陈大文']);
    // An edit keeps the document and the facts the record holds.
    const edited = await api(t.official, 'PATCH', `/api/v1/people/${ok.body.id}`, {
      version: ok.body.version,
      occupation: '教师',
    });
    expect(edited.body).toMatchObject({ idType: 'passport', sex: 'female', birthDate: '1992-04-05', occupation: '教师' });
  });

  it('accepts a Hong Kong, Macao or Taiwan residence permit only with its own region codes', async () => {
    const ok = await post(
      foreigner({ name: '李嘉欣', idType: 'residencePermit', idNumber: makeIdNumber('810000', '1988-08-08', 12) }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ sex: 'female', birthDate: '1988-08-08' });
    const mainland = await post(
      foreigner({ name: '李某', idType: 'residencePermit', idNumber: makeIdNumber('430624', '1988-08-08', 13) }),
    );
    expect(mainland.status).toBe(400);
  });

  it('imports the documents from the 证件类型 column, with reasons in Chinese', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wangge-docs-'));
    const file = path.join(dir, 'foreigners.csv');
    writeFileSync(
      file,
      [
        '姓名,公民身份号码,证件类型,性别,出生日期,人口类型,所属单元编码',
        `汉斯,C87654321,护照,男,1966-06-06,境外人员,${t.grid.code}`,
        `无性别,C87654322,护照,,1966-06-06,境外人员,${t.grid.code}`,
        `户籍者,C87654323,护照,男,1966-06-06,户籍人口,${t.grid.code}`,
        `未知证,C87654324,驾驶证,男,1966-06-06,境外人员,${t.grid.code}`,
        `王五,${makeIdNumber('430624', '1975-05-05', 31)},,,,户籍人口,${t.grid.code}`,
      ].join('\n'),
    );
    const { peopleImport } = rt.services;
    const job = await peopleImport.create(systemActor, {
      filePath: file,
      fileName: 'foreigners.csv',
      unitId: t.county.id,
      mode: 'insert',
    });
    const done = await peopleImport.run(job.id);
    expect(done).toMatchObject({ rowsRead: 5, inserted: 2, updated: 0, rejected: 3 });
    const reasons = await rt.db.db
      .selectFrom('import_rejection')
      .select(['row_number', 'reasons'])
      .where('import_id', '=', job.id)
      .orderBy('row_number')
      .execute();
    const text = JSON.stringify(reasons.map((r) => r.reasons));
    expect(text).toContain('该证件不含性别，请填写性别');
    expect(text).toContain('该证件类型仅用于境外人员');
    expect(text).toContain('证件类型应为');
    expect(await found('C87654321')).toEqual(['汉斯']);
  });
});

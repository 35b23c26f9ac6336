/**
 * Houses import (房屋, one row per house with its building's facts): buildings created once and
 * reused, every bad row with a reason per cell, counts that add up, no duplicates on a second
 * import, upsert by building and 房号, refused files and units, and the error report fixed and
 * imported again.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, smallTree, square, type Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime();
  t = await smallTree(rt);
  await api(t.official, 'PUT', `/api/v1/units/${t.grid.id}/geometry`, { geometry: square(112.9, 28.6, 0.05) });
});
afterAll(() => rt.close());

const HEAD = '所属单元编码,楼栋名称,楼栋地址,楼栋用途,层数,经度,纬度,房号,建筑面积（㎡）,房屋用途';
type Cells = Partial<
  Record<'unit' | 'name' | 'address' | 'use' | 'floors' | 'lng' | 'lat' | 'number' | 'area' | 'houseUse', string>
>;
const row = (c: Cells) =>
  [
    c.unit ?? t.grid.code,
    c.name ?? '',
    c.address ?? '东塘村1组',
    c.use ?? '',
    c.floors ?? '',
    c.lng ?? '',
    c.lat ?? '',
    c.number ?? '',
    c.area ?? '',
    c.houseUse ?? '',
  ].join(',');

async function upload(c: Client, content: Buffer | string, fileName: string, fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([content]), fileName);
  const req = new Request('http://local/', { method: 'POST', body: fd });
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/houses/imports',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': req.headers.get('content-type')! },
    payload: Buffer.from(await req.arrayBuffer()),
  });
  return { status: res.statusCode, body: res.json() };
}

async function imported(content: Buffer | string, fileName: string, mode = 'insert') {
  const res = await upload(t.official, content, fileName, { unitId: String(t.village.id), mode });
  expect(res.status).toBe(202);
  await rt.jobs.drain('houses.import', 60_000);
  const job = (await api(t.official, 'GET', `/api/v1/houses/imports/${res.body.id}`)).body;
  expect(job.inserted + job.updated + job.rejected).toBe(job.rowsRead);
  return job;
}

async function report(id: number) {
  const res = await rt.app.inject({ url: `/api/v1/houses/imports/${id}/errors`, headers: { cookie: t.official.cookie } });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return wb;
}

const buildingsOf = (unitId: number) =>
  rt.db.db.selectFrom('building').selectAll().where('unit_id', '=', unitId).orderBy('id').execute();
const housesIn = (buildingId: number) =>
  rt.db.db.selectFrom('house').selectAll().where('building_id', '=', buildingId).orderBy('number').execute();

describe('houses import', () => {
  it('serves templates with the Chinese headers', async () => {
    const csv = await rt.app.inject({ url: '/api/v1/houses/import-template?format=csv', headers: { cookie: t.official.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('所属单元编码*,楼栋名称*,楼栋地址*,楼栋用途,层数,经度,纬度,房号*,建筑面积（㎡）,房屋用途');
    const xlsx = await rt.app.inject({
      url: '/api/v1/houses/import-template?format=xlsx',
      headers: { cookie: t.official.cookie },
    });
    expect(xlsx.headers['content-disposition']).toContain('houses-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['房屋', '填写说明']);
    expect(wb.worksheets[0]!.getRow(1).getCell(2).value).toBe('楼栋名称*');
    const bad = await api(t.official, 'GET', '/api/v1/houses/import-template?format=xls');
    expect(bad.status).toBe(400);
  });

  it('creates each building once, reports every bad row with its reasons, and takes the fixed report back', async () => {
    const lines = [
      HEAD,
      row({
        name: '1栋',
        address: '东塘村1组1号',
        use: '住宅',
        floors: '6',
        lng: '112.91',
        lat: '28.61',
        number: '101',
        area: '89.5',
        houseUse: '自住',
      }),
      row({ name: '1栋', address: '别的地址', use: '商业', floors: '7', number: '102', houseUse: '出租' }),
      row({ name: '2栋', number: '101', area: '120㎡', houseUse: '空置' }),
      row({ unit: '999999999999999', name: '9栋', number: '101' }),
      row({ unit: t.village2.code, name: '5栋', number: '101' }),
      row({ name: '3栋', lng: '100', lat: '20', number: '101' }),
      row({ name: '1栋', number: '101', houseUse: '经营' }),
      row({ name: '4栋', floors: '六层', area: '大约90', houseUse: '自己住', number: '101' }),
      row({ name: '4栋', use: '宫殿', number: '102' }),
      row({ name: '', number: '101' }),
    ];
    const job = await imported(lines.join('\n'), '房屋.csv');
    expect(job).toMatchObject({ kind: 'houses', status: 'done', rowsRead: 10, inserted: 3, updated: 0, rejected: 7 });

    // 1栋 once, with the facts of its first row; 2栋 with the defaults.
    const buildings = await buildingsOf(t.grid.id);
    expect(buildings.map((b) => [b.name, b.address, b.use, b.floors, b.lng, b.lat])).toEqual([
      ['1栋', '东塘村1组1号', 'residential', 6, 112.91, 28.61],
      ['2栋', '东塘村1组', 'residential', null, null, null],
    ]);
    const one = await housesIn(buildings[0]!.id);
    expect(one.map((h) => [h.number, h.unit_id, h.area_m2 === null ? null : Number(h.area_m2), h.use])).toEqual([
      ['101', t.grid.id, 89.5, 'ownUse'],
      ['102', t.grid.id, null, 'rented'],
    ]);
    expect((await housesIn(buildings[1]!.id)).map((h) => [Number(h.area_m2), h.use])).toEqual([[120, 'vacant']]);

    const wb = await report(job.id);
    const ws = wb.worksheets[0]!;
    expect([ws.getRow(1).getCell(11).value, ws.getRow(1).getCell(12).value]).toEqual(['错误原因', '原行号']);
    const reasons = new Map(
      [2, 3, 4, 5, 6, 7, 8].map((r) => [Number(ws.getRow(r).getCell(12).value), String(ws.getRow(r).getCell(11).value)]),
    );
    expect(reasons.get(4)).toContain('单元编码“999999999999999”不存在');
    expect(reasons.get(5)).toContain('不在本次导入的单元之内');
    expect(reasons.get(6)).toMatch(/经度：坐标（100, 20）不在单元“第1网格”的地图范围内/);
    expect(reasons.get(7)).toContain('房号：与第 1 行的楼栋和房号重复');
    expect(reasons.get(8)).toContain('层数应为1至200的整数');
    expect(reasons.get(8)).toContain('建筑面积应为数字');
    expect(reasons.get(8)).toContain('不认识的房屋用途“自己住”');
    expect(reasons.get(9)).toContain('不认识的楼栋用途“宫殿”');
    expect(reasons.get(10)).toContain('楼栋名称必填');
    // The bad cells are shaded.
    const rowOf = (n: number) => [2, 3, 4, 5, 6, 7, 8].find((r) => Number(ws.getRow(r).getCell(12).value) === n)!;
    expect(ws.getRow(rowOf(8)).getCell(5).fill).toMatchObject({ type: 'pattern' });

    // Fixed where the report says (the unknown unit and the repeated 房号 left), the report goes in again.
    const fix: Record<number, Record<number, string>> = {
      5: { 1: t.grid.code },
      6: { 6: '112.92', 7: '28.62' },
      8: { 5: '6', 9: '90', 10: '自住' },
      9: { 4: '住宅' },
      10: { 2: '6栋' },
    };
    for (const [n, cells] of Object.entries(fix))
      for (const [col, value] of Object.entries(cells)) ws.getRow(rowOf(Number(n))).getCell(Number(col)).value = value;
    const again = await imported(Buffer.from(await wb.xlsx.writeBuffer()), '房屋-错误行.xlsx');
    expect(again).toMatchObject({ rowsRead: 7, inserted: 5, updated: 0, rejected: 2 });
    const names = (await buildingsOf(t.grid.id)).map((b) => b.name);
    expect(names).toEqual(['1栋', '2栋', '5栋', '3栋', '4栋', '6栋']);
    const four = (await buildingsOf(t.grid.id)).find((b) => b.name === '4栋')!;
    expect((await housesIn(four.id)).map((h) => h.number)).toEqual(['101', '102']);
    const ws2 = (await report(again.id)).worksheets[0]!;
    expect((ws2.getRow(1).values as unknown[]).filter((v) => v === '错误原因')).toHaveLength(1);
    expect(String(ws2.getRow(3).getCell(11).value)).toContain('该楼栋已登记此房号');
  });

  it('creates no duplicates when the same file comes again, and updates area and use in upsert mode', async () => {
    const old = await api(t.official, 'POST', '/api/v1/buildings', {
      unitId: t.grid.id,
      name: '老楼',
      address: '老街1号',
      use: 'mixed',
    });
    expect(old.status).toBe(201);
    const content = [
      HEAD,
      row({ name: '老楼', address: '新写的地址', number: '201', area: '60', houseUse: '出租' }),
      row({ name: '老楼', number: '202', area: '70', houseUse: '经营' }),
    ].join('\n');
    expect(await imported(content, 'a.csv')).toMatchObject({ inserted: 2, rejected: 0 });
    const before = (await buildingsOf(t.grid.id)).length;
    expect(await imported(content, 'a.csv')).toMatchObject({ rowsRead: 2, inserted: 0, updated: 0, rejected: 2 });

    const changed = [
      HEAD,
      row({ name: '老楼', number: '201', area: '61.25', houseUse: '空置' }),
      row({ name: '老楼', number: '202' }), // empty area and use: kept
      row({ name: '老楼', number: '203', houseUse: '自住' }),
    ].join('\n');
    expect(await imported(changed, 'b.csv', 'upsert')).toMatchObject({ rowsRead: 3, inserted: 1, updated: 2, rejected: 0 });
    expect((await buildingsOf(t.grid.id)).length).toBe(before);
    const houses = await housesIn(old.body.id);
    expect(houses.map((h) => [h.number, h.area_m2 === null ? null : Number(h.area_m2), h.use])).toEqual([
      ['201', 61.25, 'vacant'],
      ['202', 70, 'business'],
      ['203', null, 'ownUse'],
    ]);
    const building = (await buildingsOf(t.grid.id)).find((b) => b.id === old.body.id)!;
    expect([building.address, building.use]).toEqual(['老街1号', 'mixed']);
  });

  it('reads .xlsx with the header spellings officials use', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('房屋');
    ws.addRow(['所属单元编码*', '楼栋名称*', '楼栋地址*', '房号*', '建筑面积(㎡)', '使用情况']);
    ws.addRow([t.grid.code, '表格楼', '东塘村2组', '1-101', 75, '出租']);
    const job = await imported(Buffer.from(await wb.xlsx.writeBuffer()), 'h.xlsx');
    expect(job).toMatchObject({ format: 'xlsx', inserted: 1, rejected: 0 });
    const b = (await buildingsOf(t.grid.id)).find((x) => x.name === '表格楼')!;
    expect((await housesIn(b.id)).map((h) => [h.number, Number(h.area_m2), h.use])).toEqual([['1-101', 75, 'rented']]);
  });

  it('refuses wrong headers, files that are not CSV or Excel, and bad fields, keeping nothing', async () => {
    const jobs = async () => (await rt.db.db.selectFrom('import_job').select('id').execute()).length;
    const before = await jobs();
    const unitId = String(t.village.id);
    const problem = (res: { body: { errors?: { path: string; message: string }[] } }) =>
      res.body.errors?.find((e) => e.path.startsWith('/body/'))?.message;
    const people = await upload(t.official, '姓名,公民身份号码,人口类型,所属单元编码\n甲,1,户籍人口,x', 'p.csv', { unitId });
    expect([people.status, problem(people)]).toEqual([400, 'headers']);
    expect(people.body.detail).toContain('缺少必填列：楼栋名称、楼栋地址、房号');
    expect(people.body.detail).toContain('无法识别的列：姓名、公民身份号码、人口类型');
    const binary = await upload(t.official, Buffer.from([0, 1, 2, 3, 0, 0, 255]), 'x.xlsx', { unitId });
    expect([binary.status, problem(binary)]).toEqual([400, 'notText']);
    const corrupt = await upload(t.official, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), 'x.xlsx', {
      unitId,
    });
    expect([corrupt.status, problem(corrupt)]).toEqual([400, 'unreadable']);
    const noUnit = await upload(t.official, `${HEAD}\n`, 'x.csv', {});
    expect([noUnit.status, noUnit.body.errors[0].path]).toEqual([400, '/body/unitId']);
    const mode = await upload(t.official, `${HEAD}\n`, 'x.csv', { unitId, mode: 'replace' });
    expect([mode.status, mode.body.errors[0].path]).toEqual([400, '/body/mode']);
    const plain = await api(t.official, 'POST', '/api/v1/houses/imports', { unitId });
    expect(plain.status).toBe(415);
    for (const r of [people, binary, corrupt, noUnit, mode, plain]) expect(r.body.type).toBeTruthy();
    expect(await jobs()).toBe(before);
  });

  it('refuses a unit outside the importer’s area, and keeps the kinds apart', async () => {
    const other = await signIn(rt, 'villageOfficial', t.village2.id);
    const res = await upload(other, `${HEAD}\n${row({ name: 'x', number: '1' })}`, 'x.csv', { unitId: String(t.village.id) });
    // Out of scope is as unknown as missing: 404, never a hint that the unit exists.
    expect(res.status).toBe(404);
    const mine = await upload(t.official, `${HEAD}\n${row({ name: '越界楼', number: '1' })}`, 'y.csv', {
      unitId: String(t.village.id),
    });
    await rt.jobs.drain('houses.import', 60_000);
    expect((await api(other, 'GET', `/api/v1/houses/imports/${mine.body.id}`)).status).toBe(404);
    expect((await api(other, 'GET', '/api/v1/houses/imports')).body).toEqual([]);
    // A houses import is not a people import, and the other way round.
    expect((await api(t.official, 'GET', `/api/v1/people/imports/${mine.body.id}`)).status).toBe(404);
    const peopleList = (await api(t.official, 'GET', '/api/v1/people/imports')).body;
    expect(peopleList.map((j: { id: number }) => j.id)).not.toContain(mine.body.id);
  });
});

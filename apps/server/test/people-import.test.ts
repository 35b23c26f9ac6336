import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/lib/id-number.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { personLine, timestampCells, writeBatch, type GoodRow } from '../src/modules/people/import/batch-writer.ts';
import { BATCH } from '../src/modules/people/import/import.service.ts';
import { checkPerson } from '../src/modules/people/person-rules.ts';
import { api, smallTree, type Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime({ importMaxMb: 1 });
  t = await smallTree(rt);
});
afterAll(() => rt.close());

const HEAD = '姓名,公民身份号码,性别,人口类型,所属单元编码,关爱标识,联系电话';
const row = (
  name: string,
  id: string,
  extra: Partial<{ sex: string; type: string; unit: string; flags: string; phone: string }> = {},
) =>
  [name, id, extra.sex ?? '', extra.type ?? '户籍人口', extra.unit ?? t.grid.code, extra.flags ?? '', extra.phone ?? ''].join(
    ',',
  );

async function upload(c: Client, content: Buffer | string, fileName: string, fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([content]), fileName);
  const req = new Request('http://local/', { method: 'POST', body: fd });
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/people/imports',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': req.headers.get('content-type')! },
    payload: Buffer.from(await req.arrayBuffer()),
  });
  return { status: res.statusCode, body: res.json() };
}

async function finished(id: number) {
  await rt.jobs.drain('people.import', 60_000);
  return (await api(t.official, 'GET', `/api/v1/people/imports/${id}`)).body;
}

const peopleCount = async () =>
  (
    await rt.db.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('people import', () => {
  it('serves templates with the Chinese headers', async () => {
    const csv = await rt.app.inject({ url: '/api/v1/people/import-template?format=csv', headers: { cookie: t.official.cookie } });
    expect(csv.body).toContain('姓名*,公民身份号码*');
    const xlsx = await rt.app.inject({
      url: '/api/v1/people/import-template?format=xlsx',
      headers: { cookie: t.official.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('姓名*');
  });

  it('writes valid rows, reports each bad row with its reason, and the counts add up', async () => {
    const good = [
      makeIdNumber('430624', '1970-01-01', 11),
      makeIdNumber('430624', '1980-02-02', 22),
      makeIdNumber('430624', '2010-03-03', 33),
    ];
    const badCheck = makeIdNumber('430624', '1990-04-04', 44).slice(0, 17) + '0';
    const lines = [
      HEAD,
      row('甲', good[0]!, { flags: '留守老人', phone: '13911112222' }),
      row('乙', good[1]!, { sex: '女' }),
      row('丙', good[2]!, { flags: '留守儿童' }),
      row('丁', badCheck === makeIdNumber('430624', '1990-04-04', 44) ? `${badCheck.slice(0, 17)}1` : badCheck),
      row('戊', makeIdNumber('430624', '1991-05-05', 55), { unit: '999999999999999' }),
      row('己', good[0]!),
      row('庚', makeIdNumber('430624', '1992-06-06', 61), { sex: '女', type: '外星人' }),
    ];
    const res = await upload(t.official, lines.join('\n'), '人口.csv', { unitId: String(t.village.id), mode: 'insert' });
    expect(res.status).toBe(202);
    const job = await finished(res.body.id);
    // 甲 乙 丙 are good (乙's stated sex 女 agrees with its even sequence number); 丁 戊 己 庚 are not.
    expect(job).toMatchObject({
      status: 'done',
      rowsRead: 7,
      inserted: 3,
      updated: 0,
      rejected: 4,
      hasErrorReport: true,
      progress: 1,
    });
    expect(job.inserted + job.updated + job.rejected).toBe(job.rowsRead);
    // Privacy: the upload is gone once every row is in; the rejected rows are kept encrypted, for 14 days.
    const stored = await rt.db.db.selectFrom('import_job').select('file_path').where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(existsSync(stored.file_path)).toBe(false);
    const kept = await rt.db.db.selectFrom('import_rejection').selectAll().where('import_id', '=', job.id).execute();
    expect(kept).toHaveLength(4);
    expect(JSON.stringify(kept)).not.toContain(good[0]!);
    expect(JSON.stringify(kept)).not.toContain('戊');
    expect(Date.parse(job.errorReportUntil) - Date.parse(job.finishedAt)).toBe(14 * 86_400_000);
    const report = await rt.app.inject({
      url: `/api/v1/people/imports/${job.id}/errors`,
      headers: { cookie: t.official.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const reasons = [2, 3, 4, 5].map((r) => `${ws.getRow(r).getCell(1).value}: ${ws.getRow(r).getCell(8).value}`);
    expect(reasons).toHaveLength(4);
    // The bad cell is shaded, the original values are kept.
    expect(ws.getRow(2).getCell(2).fill).toMatchObject({ type: 'pattern' });
    expect(reasons.find((r) => r.startsWith('丁'))).toContain('校验码错误');
    expect(reasons.find((r) => r.startsWith('戊'))).toContain('单元编码不存在');
    expect(reasons.find((r) => r.startsWith('己'))).toContain('与第 1 行的公民身份号码重复');
    expect(reasons.find((r) => r.startsWith('庚'))).toContain('人口类型');

    // The report, fixed where it says, goes in again as it is (its 错误原因 and 原行号 columns too).
    expect([ws.getRow(1).getCell(8).value, ws.getRow(1).getCell(9).value]).toEqual(['错误原因', '原行号']);
    for (const r of [2, 3, 4, 5]) {
      const cells = ws.getRow(r);
      if (cells.getCell(1).value === '戊') cells.getCell(5).value = t.grid.code;
      if (cells.getCell(1).value === '庚') {
        cells.getCell(4).value = '户籍人口';
        cells.getCell(3).value = ''; // its sex contradicted the ID number too: left to the number
      }
    }
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await upload(t.official, fixed, '人口-错误行.xlsx', { unitId: String(t.village.id), mode: 'insert' });
    expect(again.status).toBe(202);
    const second = await finished(again.body.id);
    // 戊 and 庚 are in now; 丁's number is still wrong, and 己's number is 甲's, registered by the first import.
    expect(second).toMatchObject({ status: 'done', rowsRead: 4, inserted: 2, rejected: 2 });
    const secondReport = await rt.app.inject({
      url: `/api/v1/people/imports/${second.id}/errors`,
      headers: { cookie: t.official.cookie },
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(secondReport.rawPayload as never);
    const ws2 = wb2.worksheets[0]!;
    // One set of report columns, not two, and each row's cells still under their own headers.
    expect((ws2.getRow(1).values as unknown[]).filter((v) => v === '错误原因')).toHaveLength(1);
    expect(ws2.getRow(1).cellCount).toBe(9);
    expect([2, 3].map((r) => ws2.getRow(r).getCell(1).value).sort()).toEqual(['丁', '己']);
    expect(String(ws2.getRow(2).getCell(5).value)).toBe(t.grid.code);
  });

  it('creates no duplicates when the same file comes again, and updates in upsert mode', async () => {
    const before = await peopleCount();
    const ids = [makeIdNumber('430624', '1975-07-07', 71), makeIdNumber('430624', '1976-08-08', 81)];
    const content = [HEAD, row('张一', ids[0]!), row('张二', ids[1]!)].join('\n');
    const first = await finished(
      (await upload(t.official, content, 'a.csv', { unitId: String(t.village.id), mode: 'insert' })).body.id,
    );
    expect(first).toMatchObject({ inserted: 2, rejected: 0 });
    const again = await finished(
      (await upload(t.official, content, 'a.csv', { unitId: String(t.village.id), mode: 'insert' })).body.id,
    );
    expect(again).toMatchObject({ rowsRead: 2, inserted: 0, rejected: 2 });
    const upsert = await finished(
      (await upload(t.official, content.replace('张一', '张一一'), 'a.csv', { unitId: String(t.village.id), mode: 'upsert' }))
        .body.id,
    );
    expect(upsert).toMatchObject({ rowsRead: 2, inserted: 0, updated: 2, rejected: 0 });
    expect(await peopleCount()).toBe(before + 2);
  });

  it('reads .xlsx and GB18030 CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人口');
    ws.addRow(HEAD.split(','));
    ws.addRow(row('表格甲', makeIdNumber('430624', '1988-09-09', 91)).split(','));
    const xlsx = await finished(
      (await upload(t.official, Buffer.from(await wb.xlsx.writeBuffer()), 'p.xlsx', { unitId: String(t.village.id) })).body.id,
    );
    expect(xlsx).toMatchObject({ format: 'xlsx', inserted: 1, rejected: 0 });
    // Excel on Chinese Windows saves CSV in GB18030.
    const gb = iconv.encode([HEAD, row('国标乙', makeIdNumber('430624', '1987-10-10', 101))].join('\r\n'), 'gb18030');
    const csv = await finished((await upload(t.official, gb, 'gbk.csv', { unitId: String(t.village.id) })).body.id);
    expect(csv).toMatchObject({ inserted: 1, rejected: 0 });
    const names = (await api(t.official, 'GET', `/api/v1/people?within=${t.county.id}&q=${encodeURIComponent('国标')}`)).body
      .items;
    expect(names.map((p: { name: string }) => p.name)).toEqual(['国标乙']);
  });

  it('refuses wrong headers, files that are not CSV or Excel, and oversized uploads, keeping nothing', async () => {
    const before = await rt.db.db
      .selectFrom('import_job')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const headers = await upload(t.official, '名字,身份证\n张三,1', 'x.csv', { unitId: String(t.village.id) });
    expect(headers.status).toBe(400);
    expect(headers.body.detail).toContain('缺少必填列');
    // Each refusal names its problem on /body/file, for the web app to say in the user's language.
    const problem = (res: { body: { errors?: { path: string; message: string }[] } }) =>
      res.body.errors?.find((e) => e.path === '/body/file')?.message;
    expect(problem(headers)).toBe('headers');
    const binary = await upload(t.official, Buffer.from([0, 1, 2, 3, 0, 0, 255]), 'x.xlsx', { unitId: String(t.village.id) });
    expect(binary.status).toBe(400);
    expect(problem(binary)).toBe('notText');
    const corrupt = await upload(t.official, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), 'x.xlsx', {
      unitId: String(t.village.id),
    });
    expect(corrupt.status).toBe(400);
    expect(problem(corrupt)).toBe('unreadable');
    const xls = await upload(t.official, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), 'x.xls', {
      unitId: String(t.village.id),
    });
    expect([xls.status, problem(xls)]).toEqual([400, 'oldXls']);
    const empty = await upload(t.official, '', 'empty.csv', { unitId: String(t.village.id) });
    expect([empty.status, problem(empty)]).toEqual([400, 'empty']);
    const big = await upload(t.official, Buffer.alloc(3 * 1024 * 1024, 'a'), 'big.csv', { unitId: String(t.village.id) });
    expect(big.status).toBe(413);
    const after = await rt.db.db
      .selectFrom('import_job')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('resumes after a crash without losing or duplicating rows', async () => {
    const before = await peopleCount();
    // Two and a half batches of distinct valid numbers: the birth year changes every 999 sequence numbers.
    const total = Math.round(BATCH * 2.5);
    const lines = [
      HEAD,
      ...Array.from({ length: total }, (_, i) =>
        row(`批量${i}`, makeIdNumber('430624', `${1940 + Math.floor(i / 999)}-01-01`, (i % 999) + 1)),
      ),
    ];
    const { peopleImport } = rt.services;
    const path = `${peopleImport.filesDir}/crash-test.csv`;
    mkdirSync(peopleImport.filesDir, { recursive: true });
    writeFileSync(path, lines.join('\n'));
    const enqueue = peopleImport.enqueue;
    peopleImport.enqueue = null; // run it by hand, as a worker would
    const job = await peopleImport.create(systemActor, {
      filePath: path,
      fileName: 'crash.csv',
      unitId: t.village.id,
      mode: 'insert',
    });
    let batches = 0;
    await expect(
      peopleImport.run(job.id, () => {
        if (++batches === 1) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    const halfway = (await peopleImport.load(job.id))!;
    expect(halfway.rows_read).toBe(BATCH);
    expect(await peopleCount()).toBe(before + BATCH);
    const done = await peopleImport.run(job.id, undefined, { resume: true });
    expect(done).toMatchObject({ status: 'done', rowsRead: total, inserted: total, rejected: 0 });
    expect(await peopleCount()).toBe(before + total);
    peopleImport.enqueue = enqueue;
  });

  it('writes a batch the careful way when its COPY meets an ID number registered meanwhile', async () => {
    // What a concurrent registration between the lookup and the COPY looks like to the COPY: a
    // unique violation. Two rows of one person in one batch cause the same (the checker never
    // lets that through; here the batch is built by hand).
    const now = new Date();
    const good = (rowNumber: number, name: string): GoodRow => {
      const checked = checkPerson(
        { name, idNumber: makeIdNumber('430624', '1951-05-05', 77), residenceType: 'registered', flags: [] },
        rt.crypto,
        '2026-01-01',
      );
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      const row = { ...checked.row, unit_id: t.grid.id, household_id: null };
      return { rowNumber, cells: [name], row, line: personLine(row, timestampCells(now)) };
    };
    const job = await rt.db.db
      .insertInto('import_job')
      .values({
        kind: 'people',
        mode: 'insert',
        format: 'csv',
        file_name: 'race.csv',
        file_path: '/nonexistent/race.csv',
        file_bytes: 1,
        header: JSON.stringify(['姓名']),
        unit_id: t.village.id,
        status: 'running',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await peopleCount();
    const counts = await writeBatch(
      rt.db,
      { id: job.id, mode: 'insert', scopePath: t.village.path, seal: (cells) => rt.crypto.encrypt(JSON.stringify(cells)) },
      { good: [good(1, '先到'), good(2, '后到')], bad: [], rowsRead: 2, rowsBefore: 0, bytesRead: 10 },
      now,
    );
    expect(counts).toEqual({ inserted: 1, updated: 0, rejected: 1 });
    expect(await peopleCount()).toBe(before + 1);
    const saved = await rt.db.db.selectFrom('import_job').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ rows_read: 2, inserted: 1, rejected: 1, bytes_read: 10 });
    const rejection = await rt.db.db.selectFrom('import_rejection').selectAll().where('import_id', '=', job.id).execute();
    expect(rejection).toHaveLength(1);
    expect(rejection[0]).toMatchObject({ row_number: 2 });
    expect(JSON.parse(rt.crypto.decrypt(rejection[0]!.row_data_enc))).toEqual(['后到']);
    expect(JSON.stringify(rejection[0]!.reasons)).toContain('此人已登记');
  });

  it('deletes the rejected rows and the error report when the retention ends, and says so', async () => {
    const lines = [HEAD, row('过期甲', makeIdNumber('430624', '1993-01-01', 1).slice(0, 17) + 'Y')];
    const res = await upload(t.official, lines.join('\n'), '过期.csv', { unitId: String(t.village.id), mode: 'insert' });
    const job = await finished(res.body.id);
    expect(job).toMatchObject({ rejected: 1, hasErrorReport: true });
    rt.clock.advance(13 * 86_400_000);
    expect(await rt.services.peopleImport.purge()).toBe(0); // not yet
    rt.clock.advance(2 * 86_400_000);
    expect(await rt.services.peopleImport.purge()).toBeGreaterThanOrEqual(1);
    expect(await rt.services.peopleImport.purge()).toBe(0); // twice is once
    // Fifteen days on, the official's session is long gone: asked as the system.
    const after = await rt.services.peopleImport.get(systemActor, job.id);
    expect(after).toMatchObject({ rejected: 1, hasErrorReport: false, errorReportUntil: null });
    await expect(rt.services.peopleImport.errorReport(systemActor, job.id)).rejects.toMatchObject({ status: 404 });
    const left = await rt.db.db.selectFrom('import_rejection').select('row_number').where('import_id', '=', job.id).execute();
    expect(left).toEqual([]);
  });
});

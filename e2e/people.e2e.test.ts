/**
 * Issue 5 in the browser, in Chinese: a township official finds a person by part of the name and by
 * the full ID number, opens the profile (household and members, masked numbers), then imports a
 * file with bad rows, downloads the error report, and finds the people the import added; registers
 * one person through the form (登记人员) and edits the phone on the profile (编辑).
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { sql, type SqlBool } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../apps/server/src/lib/id-number.ts';
import { hasChromium, launch, newPage, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { createAccount, signInByApi, watchForUnmasked } from './support/session.ts';

/** Fills the search form and waits for the list to show `name`. */
async function search(page: Page, fields: Record<string, string>, name: string) {
  const form = page.getByTestId('people-filters');
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: /查\s*询/ }).click();
  await page
    .getByRole('link', { name: `查看 ${name} 的详情` })
    .first()
    .waitFor({ timeout: 15_000 });
}

describe.skipIf(!hasChromium)('the 人口与房屋 module in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let township: { id: number; name: string };
  let gridCode: string;
  /** A person of the township in a household of several, with the full ID number (to search by). */
  let person: { id: number; name: string; idNumber: string; masked: string; other: string };
  /** A fresh township official per test (a second sign-in of one would be asked to set up TOTP). */
  const official = async () => (await createAccount(server, 'townshipOfficial', township.id)).username;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demoScale: 0.002 }), launch()]);
    const db = server.runtime.db.db;
    const t = await db
      .selectFrom('unit')
      .select(['id', 'name', 'path'])
      .where('kind', '=', 'township')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    township = t;
    const inTownship = sql<SqlBool>`u.path <@ ${t.path}::ltree`;
    gridCode = (
      await db
        .selectFrom('unit as u')
        .select('u.code')
        .where('u.kind', '=', 'grid')
        .where(inTownship)
        .orderBy('u.id')
        .executeTakeFirstOrThrow()
    ).code;
    // Someone whose household has another member, and whose name no one else in the county shares.
    const p = await db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unit_id')
      .innerJoin('person as o', (j) => j.onRef('o.household_id', '=', 'p.household_id').on('o.id', '!=', sql.ref('p.id')))
      .select(['p.id', 'p.name', 'p.id_number_enc', 'p.id_number_masked', 'o.name as other'])
      .where(inTownship)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('person as s')
              .select('s.id')
              .where('s.name', '=', eb.ref('p.name'))
              .where('s.id', '!=', eb.ref('p.id')),
          ),
        ),
      )
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    person = {
      id: p.id,
      name: p.name,
      idNumber: server.runtime.crypto.decrypt(p.id_number_enc),
      masked: p.id_number_masked,
      other: p.other,
    };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a person by part of the name and by ID number, and opens the profile with household and members', async () => {
    const page = await newPage(browser);
    const leaks = watchForUnmasked(page);
    await signInByApi(page, server, await official());
    await page.goto(`${server.url}/people?within=${township.id}`);
    await page.getByTestId('people-filters').waitFor({ timeout: 20_000 });

    await search(page, { 姓名: [...person.name].slice(-2).join('') }, person.name);
    await search(page, { 姓名: '', 证件号码: person.idNumber }, person.name);
    // One person per ID number, shown masked.
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(person.masked);
    await screenshot(page, 'people-search');

    await page.getByRole('link', { name: `查看 ${person.name} 的详情` }).click();
    await page.waitForURL(new RegExp(`/people/${person.id}`));
    await page.getByTestId('person-name').waitFor();
    await page.getByTestId('household-members').getByText(person.other).first().waitFor();
    expect(await page.locator('body').textContent()).not.toContain(person.idNumber);
    await screenshot(page, 'person-profile');
    expect(leaks).toEqual([]);
  });

  it('imports a file with bad rows: counts that add up, an error report with the reasons, the good rows findable', async () => {
    const page = await newPage(browser);
    await signInByApi(page, server, await official());
    await page.goto(`${server.url}/people/import?within=${township.id}`);
    await page.getByTestId('import-upload').waitFor({ timeout: 20_000 });

    // Not a spreadsheet at all: refused, said in Chinese, nothing started.
    await page
      .getByTestId('import-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: '照片.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      });
    await page.getByTestId('import-error').getByText('这不是 CSV 文本文件，也不是 .xlsx 工作簿。').waitFor();

    const good = makeIdNumber('430624', '1985-03-08', 101);
    const badCheck = makeIdNumber('430624', '1986-04-09', 103);
    const lines = [
      '姓名,公民身份号码,性别,人口类型,所属单元编码,关爱标识,联系电话',
      `导入甲,${good},,户籍人口,${gridCode},留守老人,13900001111`,
      `导入乙,${makeIdNumber('430624', '1990-12-01', 102)},,流动人口,${gridCode},,`,
      `导入丙,${badCheck.slice(0, 17)}${badCheck[17] === '0' ? '1' : '0'},,户籍人口,${gridCode},,`,
      `导入丁,${makeIdNumber('430624', '1991-01-02', 105)},,户籍人口,999999999999,,`,
    ];
    await page
      .getByTestId('import-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: '东塘村花名册.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\n'), 'utf8'),
      });
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    await result.getByText('新增 2 + 更新 0 + 未导入 2 = 读取 4 行').waitFor();
    await screenshot(page, 'people-import');

    const [download] = await Promise.all([page.waitForEvent('download'), result.getByText('下载错误报告').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as never);
    const ws = wb.worksheets[0]!;
    const reasons = Object.fromEntries(
      [2, 3].map((r) => [String(ws.getRow(r).getCell(1).value), String(ws.getRow(r).getCell(8).value)]),
    );
    expect(Object.keys(reasons).sort()).toEqual(['导入丁', '导入丙']);
    expect(reasons['导入丙']).toContain('校验码错误');
    expect(reasons['导入丁']).toContain('单元编码不存在');

    // The rows that went in are people like any other.
    await page.getByRole('tab', { name: '人口' }).click();
    await search(page, { 姓名: '导入甲' }, '导入甲');
    await page.getByRole('link', { name: '查看 导入甲 的详情' }).click();
    await page.getByText('139****1111').first().waitFor();
  });

  it('registers a person through the form (登记人员), lands on the profile, edits the phone and sees it masked', async () => {
    const page = await newPage(browser);
    const leaks = watchForUnmasked(page);
    await signInByApi(page, server, await official());
    await page.goto(`${server.url}/people?within=${township.id}`);
    await page.getByTestId('register-person').click();
    const form = page.getByTestId('person-form');
    await form.waitFor({ timeout: 20_000 });

    // The scope is the township: a person belongs to a grid, so the form asks for one below it.
    await form.getByText('人员应登记在网格、微网格或联户单元下，请选择下级单元').waitFor();
    await form.locator('#person_unitId').fill(gridCode);
    await page.locator('.ant-select-tree-title', { hasText: gridCode }).first().click();
    await form.getByText('人员应登记在网格、微网格或联户单元下，请选择下级单元').waitFor({ state: 'detached' });

    const idNumber = makeIdNumber('430624', '1947-11-23', 987);
    await form.getByLabel('姓名', { exact: true }).fill('登记测试甲');
    await form.getByLabel('证件号码', { exact: true }).fill(idNumber);
    // What the number holds, read as it is typed.
    await form
      .getByTestId('person-form-derived')
      .getByText(/^男 · 1947-11-23 出生 · \d+ 岁$/)
      .waitFor();
    await form.getByLabel('联系电话', { exact: true }).fill('13911112222');
    await form.getByLabel('职业', { exact: true }).fill('退休');
    await screenshot(page, 'person-form');
    await form.getByTestId('person-form-submit').click();

    await page.waitForURL(/\/people\/\d+$/, { timeout: 15_000 });
    await page.getByTestId('person-name').getByText('登记测试甲').waitFor();
    expect(await page.getByTestId('person-phone').textContent()).toBe('139****2222');
    expect(await page.getByTestId('person-idNumber').textContent()).toBe(
      `${idNumber.slice(0, 3)}***********${idNumber.slice(14)}`,
    );

    await page.getByTestId('edit-person').click();
    const edit = page.getByTestId('person-form');
    // The document is shown masked and cannot be changed; the phone is masked until replaced.
    expect(await edit.getByTestId('person-form-id-number').textContent()).toBe(
      `${idNumber.slice(0, 3)}***********${idNumber.slice(14)}`,
    );
    const phone = edit.getByLabel('联系电话', { exact: true });
    expect(await phone.inputValue()).toBe('139****2222');
    await phone.fill('13833334444');
    await edit.getByTestId('person-form-submit').click();
    await edit.waitFor({ state: 'detached' });
    await page.getByTestId('person-phone').getByText('138****4444').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('13833334444');
    expect(leaks).toEqual([]);
  });
});

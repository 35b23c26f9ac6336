/** Issue 4 in the browser: lockout, a grid worker's narrow view, an administrator's TOTP enrolment; S7 on every response. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, newPage, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { createAccount, E2E_PASSWORD, totpCode, watchForUnmasked } from './support/session.ts';

async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe.skipIf(!hasChromium)('signing in, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let unitIds: { county: number; grid: number; gridName: string; otherTownship: string };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demoScale: 0.005 }), launch()]);
    const db = server.runtime.db.db;
    const county = await db.selectFrom('unit').select('id').where('kind', '=', 'county').executeTakeFirstOrThrow();
    const grid = await db
      .selectFrom('unit')
      .select(['id', 'name', 'path'])
      .where('kind', '=', 'grid')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const townships = await db.selectFrom('unit').select(['id', 'name']).where('kind', '=', 'township').orderBy('id').execute();
    unitIds = { county: county.id, grid: grid.id, gridName: grid.name, otherTownship: townships.at(-1)!.name };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('locks an account after five wrong passwords, with the same message, for 15 minutes', async () => {
    const { username } = await createAccount(server, 'countyLeader', unitIds.county);
    const page = await newPage(browser);
    await page.goto(`${server.url}/login`);
    for (let i = 0; i < 5; i++) {
      await fillLogin(page, username, 'Wrong-password-1');
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    }
    await fillLogin(page, username, E2E_PASSWORD);
    await page.getByTestId('login-error').waitFor();
    expect(page.url()).toContain('/login');
    server.clock.advance(15 * 60_000 + 1_000);
    await fillLogin(page, username, E2E_PASSWORD);
    await page.getByTestId('user-menu').waitFor({ timeout: 15_000 });
  });

  it('shows a grid worker their grid only, and no administration', async () => {
    const { username } = await createAccount(server, 'gridWorker', unitIds.grid);
    const page = await newPage(browser);
    const leaks = watchForUnmasked(page);
    await page.goto(`${server.url}/login`);
    await fillLogin(page, username, E2E_PASSWORD);
    await page.getByTestId('user-menu').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('menuitem', { name: /系统管理/ }).count()).toBe(0);
    // The API answers only their grid: the top of their tree is the grid itself.
    const roots = await (await page.request.get(`${server.url}/api/v1/units`)).json();
    expect(roots.items.map((u: { id: number }) => u.id)).toEqual([unitIds.grid]);
    const county = await page.request.get(`${server.url}/api/v1/units/${unitIds.county}`);
    expect(county.status()).toBe(404);
    await page.goto(`${server.url}/units`);
    await page.getByText(unitIds.gridName).first().waitFor({ timeout: 15_000 });
    expect(await page.getByText(unitIds.otherTownship).count()).toBe(0);
    await screenshot(page, 'grid-worker-units');
    expect(leaks).toEqual([]);
  });

  it('makes an administrator enrol TOTP before anything else, then admits them', async () => {
    const { username } = await createAccount(server, 'systemAdmin', unitIds.county);
    const page = await newPage(browser);
    await page.goto(`${server.url}/login`);
    await fillLogin(page, username, E2E_PASSWORD);
    const secret = (await page.getByTestId('totp-secret').textContent({ timeout: 15_000 }))!.replace(/\s/g, '');
    await page.getByTestId('totp-qr').waitFor();
    await screenshot(page, 'totp-enrolment');
    await page.getByLabel('动态验证码').fill(await totpCode(server, secret));
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect.poll(async () => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByText('我已妥善保存以上恢复码').click();
    await page.getByRole('button', { name: /继\s*续/ }).click();
    await page.getByTestId('user-menu').waitFor({ timeout: 15_000 });
    await page
      .getByRole('menuitem', { name: /系统管理/ })
      .first()
      .waitFor();
  });
});

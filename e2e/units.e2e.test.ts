/** Issue 3 in the browser: navigating the tree, opening a grid from the map, assigning a grid leader. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, newPage, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { createAccount, signInByApi, watchForUnmasked } from './support/session.ts';

describe.skipIf(!hasChromium)('the 网格 module in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let ids: { county: number; village: { id: number; name: string }; grid: { id: number; name: string; code: string } };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demoScale: 0.005 }), launch()]);
    const db = server.runtime.db.db;
    const county = await db.selectFrom('unit').select('id').where('kind', '=', 'county').executeTakeFirstOrThrow();
    const grid = await db
      .selectFrom('unit')
      .select(['id', 'name', 'code', 'parent_id'])
      .where('kind', '=', 'grid')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const village = await db
      .selectFrom('unit')
      .select(['id', 'name'])
      .where('id', '=', grid.parent_id!)
      .executeTakeFirstOrThrow();
    ids = { county: county.id, village, grid };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches the tree, opens a grid from its village’s map, and assigns a new grid leader', async () => {
    const page = await newPage(browser);
    const leaks = watchForUnmasked(page);
    const { username } = await createAccount(server, 'townshipOfficial', ids.county);
    await signInByApi(page, server, username);
    await page.goto(`${server.url}/units`);
    await page.getByTestId('unit-tree').getByText('湘阴县').first().waitFor({ timeout: 20_000 });

    // Search the tree for the village and open it.
    await page.getByRole('searchbox', { name: '搜索单元' }).fill(ids.village.name);
    await page.locator(`[data-testid="unit-search-result"][data-unit-name="${ids.village.name}"]`).first().click();
    await page.waitForURL(new RegExp(`/units/${ids.village.id}`));

    // Its map lists the grids; open the grid from the map.
    await page.getByRole('tab', { name: '地图' }).click();
    await page.getByTestId('unit-map').waitFor({ timeout: 15_000 });
    await screenshot(page, 'village-map');
    await page.locator(`path[data-testid="map-unit"][data-unit-id="${ids.grid.id}"]`).first().click();
    await page.waitForURL(new RegExp(`/units/${ids.grid.id}`));
    await page.getByText(ids.grid.code).first().waitFor();

    // End the current grid leader (through the API, as an official would elsewhere), then appoint a new one here.
    const headers = { 'x-csrf-token': (await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()).csrfToken };
    const roster = await (await page.request.get(`${server.url}/api/v1/roster?within=${ids.grid.id}&role=gridLeader`)).json();
    for (const a of roster.items)
      await page.request.post(`${server.url}/api/v1/assignments/${a.id}/end`, { headers, data: { reason: '换届' } });
    await page.getByRole('tab', { name: '人员' }).click();
    await page.getByRole('button', { name: /任命人员/ }).click();
    const dialog = page.getByRole('dialog');
    // A click that lands while the dialog is still opening (a loaded CI machine) can be lost: retry until the form shows.
    for (let attempt = 1; ; attempt++) {
      await dialog.getByText('新建人员').click();
      const shown = await dialog
        .getByLabel('姓名')
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (attempt === 3) throw new Error('the 新建人员 form never appeared');
    }
    await dialog.getByLabel('姓名').fill('周新任');
    await dialog.getByLabel('手机号').fill('13712345678');
    await dialog.getByRole('combobox', { name: '岗位' }).click();
    await page.locator('.ant-select-item-option', { hasText: '网格长' }).first().click();
    await dialog.getByRole('button', { name: /确认任命/ }).click();
    await page.getByText('已任命 周新任 为网格长').waitFor({ timeout: 15_000 });
    // The form's start date is the browser's today; the test server's clock stands earlier, so ask for all.
    const after = await (
      await page.request.get(`${server.url}/api/v1/roster?within=${ids.grid.id}&role=gridLeader&active=false`)
    ).json();
    const open = after.items.filter((a: { endsOn: string | null }) => a.endsOn === null);
    expect(open.map((a: { staff: { name: string } }) => a.staff.name)).toEqual(['周新任']);
    await screenshot(page, 'grid-leader-assigned');
    expect(leaks).toEqual([]);
  });
});

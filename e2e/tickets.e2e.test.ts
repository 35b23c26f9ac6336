/**
 * The ticket loop in a real browser: a grid worker reports in Chinese and escalates, the village
 * and the township take it on, the grid worker verifies, closes and evaluates; then the lights
 * turn yellow and red as the clock moves, and a red ticket gets its supervision notice (督办函).
 */
import { sql, type SqlBool } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, newPage, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { createAccount, signInByApi, watchForUnmasked } from './support/session.ts';

type Unit = { id: number; name: string };

/** Performs one operation from the detail page and waits until the ticket's version moved on. */
async function operate(page: Page, op: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  const detail = page.getByTestId('ticket-detail');
  const before = await detail.getAttribute('data-version');
  await page.locator(`[data-testid="ticket-operations"] button[data-op="${op}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await page.getByTestId('operation-submit').click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  await expect.poll(() => detail.getAttribute('data-version'), { timeout: 15_000 }).not.toBe(before);
}

const stateOf = (page: Page) => page.getByTestId('ticket-header').getByTestId('ticket-state').getAttribute('data-state');

/** Opens a ticket from a box of the inbox, as an official would. */
async function openFromInbox(page: Page, server: TestServer, box: string, id: number) {
  await page.goto(`${server.url}/tickets?box=${box}`);
  const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`).first();
  await row.waitFor({ timeout: 20_000 });
  // A table row holds links; a phone's card sits inside its link.
  const link = row.locator('a');
  await ((await link.count()) > 0 ? link.first() : row).click();
  await page.waitForURL(new RegExp(`/tickets/${id}$`));
  await page.getByTestId('ticket-detail').waitFor();
}

describe.skipIf(!hasChromium)('the 事件 module in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let grid: Unit;
  let village: Unit;
  let township: Unit;
  let worker: string;
  /** A household of the grid with one of its members: the report names both. */
  let household: { label: string; member: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demoScale: 0.002 }), launch()]);
    const db = server.runtime.db.db;
    const unit = (id: number) =>
      db.selectFrom('unit').select(['id', 'name', 'parent_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const g = await db
      .selectFrom('unit')
      .select(['id', 'name', 'parent_id'])
      .where('kind', '=', 'grid')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const v = await unit(g.parent_id!);
    const t = await unit(v.parent_id!);
    [grid, village, township] = [g, v, t];
    worker = (await createAccount(server, 'gridWorker', grid.id)).username;
    const h = await db
      .selectFrom('household as h')
      .innerJoin('unit as u', 'u.id', 'h.unit_id')
      .innerJoin('person as p', 'p.household_id', 'h.id')
      .select(['h.head_name', 'h.address', 'p.name'])
      .where(sql<SqlBool>`u.path <@ (select path from unit where id = ${grid.id})`)
      .orderBy('h.id')
      .orderBy('p.id', 'desc')
      .executeTakeFirstOrThrow();
    household = { label: `${h.head_name} · ${h.address}`, member: h.name };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs the whole loop: reported and escalated by the grid worker, handled by the township, verified, closed and evaluated', async () => {
    // The grid worker, on a phone.
    const phone = await newPage(browser, { width: 412, height: 915 });
    const leaks = watchForUnmasked(phone);
    await signInByApi(phone, server, worker);
    await phone.goto(`${server.url}/tickets/new`);
    const form = phone.getByTestId('report-form');
    await form.getByText(grid.name).first().waitFor({ timeout: 20_000 });
    await phone.getByLabel('标题').fill('张李两家因排水沟堵塞发生纠纷');
    await phone.getByLabel('描述').fill('张家与李家因排水沟堵塞互相指责，需要上门调解。');
    await phone.getByRole('combobox', { name: '类别' }).click();
    await phone.locator('.ant-select-dropdown').getByText('邻里纠纷', { exact: true }).click();
    await phone.getByLabel('当事人数').fill('2');
    // The household and a member, from the base data: chosen, not retyped.
    await phone.getByRole('combobox', { name: '关联户' }).click();
    await phone.getByRole('combobox', { name: '关联户' }).fill(household.label.split(' · ')[0]!);
    await phone.locator('.ant-select-dropdown:visible').getByText(household.label, { exact: true }).click();
    await phone.getByRole('combobox', { name: '关联人员' }).click();
    await phone
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: household.member })
      .first()
      .click();
    await phone.keyboard.press('Escape');
    await phone.getByTestId('involved-household').scrollIntoViewIfNeeded();
    await screenshot(phone, 'tickets-report-involved');
    await phone.getByLabel('反映人', { exact: true }).fill('张大爷');
    await phone.getByLabel('反映人电话').fill('13812345678');
    await phone.getByLabel('标题').scrollIntoViewIfNeeded();
    await screenshot(phone, 'tickets-report');
    await form.getByRole('button', { name: /^上\s*报$/ }).click();
    await phone.waitForURL(/\/tickets\/\d+$/, { timeout: 20_000 });
    const id = Number(new URL(phone.url()).pathname.split('/').pop());
    await phone.getByTestId('ticket-detail').waitFor();
    expect(await stateOf(phone)).toBe('reported');
    await phone.getByTestId('ticket-detail').getByText(household.label).waitFor();
    await phone.getByTestId('ticket-detail').getByText(household.member).first().waitFor();
    await expect.poll(() => phone.getByTestId('reporter-phone').textContent()).toBe('138****5678');

    await operate(phone, 'accept');
    expect(await stateOf(phone)).toBe('accepted');
    await operate(phone, 'escalate', (d) => d.getByLabel('说明').fill('调解未果，需村里协调'));
    await expect.poll(() => phone.getByTestId('ticket-holder').textContent()).toBe(village.name);

    // The village takes it up and escalates to the township.
    const villagePage = await newPage(browser);
    await signInByApi(villagePage, server, (await createAccount(server, 'villageOfficial', village.id)).username);
    await openFromInbox(villagePage, server, 'toHandle', id);
    await operate(villagePage, 'escalate');
    await expect.poll(() => villagePage.getByTestId('ticket-holder').textContent()).toBe(township.name);

    // The township starts and resolves it.
    const townPage = await newPage(browser);
    await signInByApi(townPage, server, (await createAccount(server, 'townshipOfficial', township.id)).username);
    await openFromInbox(townPage, server, 'toHandle', id);
    await operate(townPage, 'start');
    await operate(townPage, 'resolve', (d) => d.getByLabel('说明').fill('镇综治办组织调解，已疏通排水沟'));
    expect(await stateOf(townPage)).toBe('resolved');

    // Back to the grid worker: verify on the spot, close and evaluate.
    await openFromInbox(phone, server, 'toVerify', id);
    await operate(phone, 'verify');
    await operate(phone, 'close');
    await operate(phone, 'evaluate', (d) => d.getByText('满意', { exact: true }).click());
    await expect.poll(() => phone.getByTestId('ticket-header').getByTestId('ticket-state').textContent()).toBe('已评价');
    const ops = await phone.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-op')));
    expect(ops).toEqual(['report', 'accept', 'escalate', 'escalate', 'start', 'resolve', 'verify', 'close', 'evaluate']);
    await phone.getByTestId('ticket-timeline').getByText('镇综治办组织调解，已疏通排水沟').waitFor();
    expect(leaks).toEqual([]);
  });

  it('turns a ticket yellow then red as the clock moves, live and after a reload, and issues a supervision notice', async () => {
    const page = await newPage(browser);
    await signInByApi(page, server, worker);
    const csrf = (await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()).csrfToken;
    const categories: { id: number; code: string }[] = await (
      await page.request.get(`${server.url}/api/v1/ticket-categories`)
    ).json();
    server.clock.set('2026-09-30T01:00:00Z');
    const res = await page.request.post(`${server.url}/api/v1/tickets`, {
      headers: { 'x-csrf-token': csrf, 'idempotency-key': crypto.randomUUID() },
      data: {
        title: '农贸市场消防通道被占用',
        description: '市场东侧消防通道堆放杂物，需清理。',
        categoryId: categories.find((c) => c.code === 'hazard.fire')!.id,
        channel: 'gridWorker',
        unitId: grid.id,
      },
    });
    expect(res.status()).toBe(201);
    const { id } = await res.json();
    const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
    const rowLight = () => row.getByTestId('ticket-light').getAttribute('data-light');

    await page.goto(`${server.url}/tickets?box=toAccept`);
    await expect.poll(rowLight, { timeout: 20_000 }).toBe('green');

    // China time 2026-10-08 00:00: the accept stage's own due day begins (yellow); the page updates itself.
    server.clock.set('2026-10-07T16:00:00Z');
    // A week on, the session has lapsed: sign in again (the open event stream stays connected).
    await signInByApi(page, server, worker);
    await server.runtime.services.supervision.sweep();
    await page.getByText('事件亮黄灯').first().waitFor({ timeout: 15_000 });
    await expect.poll(rowLight, { timeout: 15_000 }).toBe('yellow');
    await page.reload();
    await expect.poll(rowLight, { timeout: 20_000 }).toBe('yellow');
    await expect.poll(() => row.getByTestId('ticket-time-left').textContent()).toBe('剩 1 个工作日');

    // 2026-10-09 00:00: past the deadline: red, and a numbered supervision notice to the grid.
    server.clock.set('2026-10-08T16:00:00Z');
    await signInByApi(page, server, worker);
    const swept = await server.runtime.services.supervision.sweep();
    expect(swept.notices).toBeGreaterThanOrEqual(1);
    await page.reload();
    await expect.poll(rowLight, { timeout: 20_000 }).toBe('red');
    await screenshot(page, 'tickets-inbox');

    await row.locator('a').first().click();
    await page.waitForURL(new RegExp(`/tickets/${id}$`));
    await expect.poll(() => page.getByTestId('ticket-header').getByTestId('ticket-light').getAttribute('data-light')).toBe('red');
    const timeline = page.getByTestId('ticket-timeline');
    await timeline
      .locator('[data-op="supervise"]')
      .getByText(/督办〔2026〕第\d+号/)
      .waitFor({ timeout: 15_000 });
    await timeline.locator('[data-op="light"]').getByText('亮红灯').waitFor();
    await screenshot(page, 'tickets-detail');
  });
});

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

type Notice = {
  id: number;
  number: string;
  stage: string;
  level: string;
  addressedTo: string;
  workdaysLate: number;
  unit: { name: string };
  ticket: { id: number; code: string; title: string };
};
type CircularAnswer = {
  from: string;
  to: string;
  rows: {
    unit: { id: number; name: string };
    notices: number;
    yellowCards: number;
    redCards: number;
    stillRed: number;
    tickets: { id: number; code: string }[];
  }[];
};

/** Runs `action` and returns the URL of the answer it makes the page fetch from `path` (the request the page itself made). */
async function requestOf(page: Page, path: string, action: () => Promise<unknown>, accept: (url: URL) => boolean = () => true) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === path && r.ok() && accept(url);
    }),
    action(),
  ]);
  return res.url();
}

/** The supervision notices as the page shows them, row by row. */
const shownNotices = (page: Page) =>
  page.getByTestId('notice-row').evaluateAll((rows) =>
    rows.map((r) => {
      const text = (id: string) => r.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      return {
        id: Number(r.getAttribute('data-notice-id')),
        number: text('notice-number'),
        ticket: text('notice-ticket'),
        stage: text('notice-stage'),
        level: r.querySelector('[data-level]')?.getAttribute('data-level') ?? null,
        addressedTo: text('notice-addressed-to'),
        unit: text('notice-unit'),
        workdaysLate: text('notice-workdays-late'),
      };
    }),
  );
const stageNames: Record<string, string> = { accept: '受理交办', feedback: '程序性反馈', resolve: '办结' };
/** The same, from the API's answer. */
const expectedNotices = (items: Notice[]) =>
  items.map((n) => ({
    id: n.id,
    number: n.number,
    ticket: n.ticket.code,
    stage: stageNames[n.stage],
    level: n.level,
    addressedTo: n.addressedTo,
    unit: n.unit.name,
    workdaysLate: String(n.workdaysLate),
  }));

/** The circular's rows as the page shows them. */
const shownCircular = (page: Page) =>
  page.getByTestId('circular-row').evaluateAll((rows) =>
    rows.map((r) => {
      const count = (key: string) => Number(r.querySelector(`[data-testid="circular-${key}"]`)?.textContent);
      return {
        unit: Number(r.getAttribute('data-unit-id')),
        name: r.querySelector('td')?.textContent ?? null,
        notices: count('notices'),
        yellowCards: count('yellowCards'),
        redCards: count('redCards'),
        stillRed: count('stillRed'),
        tickets: [...r.querySelectorAll('[data-testid="circular-ticket"]')].map((a) => a.textContent),
      };
    }),
  );
const expectedCircular = (c: CircularAnswer) =>
  c.rows.map((r) => ({
    unit: r.unit.id,
    name: r.unit.name,
    notices: r.notices,
    yellowCards: r.yellowCards,
    redCards: r.redCards,
    stillRed: r.stillRed,
    tickets: r.tickets.map((t) => t.code),
  }));

describe.skipIf(!hasChromium)('the 事件 module in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let grid: Unit;
  let village: Unit;
  let township: Unit;
  let county: Unit;
  let worker: string;
  /** The ticket the second test made red, with its supervision notice: the third reads its supervision. */
  let redTicket: number | undefined;
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
    [grid, village, township, county] = [g, v, t, await unit(t.parent_id!)];
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
    await server.runtime.services.supervision.sweep();
    // The server's own minute sweep may have issued it first: count the ticket's notices, not this sweep's.
    const notices = await server.runtime.db.db
      .selectFrom('supervision_notice')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('ticket_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(notices.n)).toBeGreaterThanOrEqual(1);
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
    redTicket = id;
  });

  it('shows the county dispatcher the notice and the circular, and the 黄牌 when the ticket stays red five more working days', async () => {
    expect(redTicket, 'the second test leaves a red ticket with its notice').toBeDefined();
    const id = redTicket!;
    const page = await newPage(browser);
    const leaks = watchForUnmasked(page);
    // The page counts its periods (本月…) on the browser's clock: give it the test server's October.
    await page.clock.install({ time: server.clock.now() });
    const dispatcher = (await createAccount(server, 'countyDispatcher', county.id)).username;
    await signInByApi(page, server, dispatcher);
    const api = async <T>(url: string): Promise<T> => {
      const res = await page.request.get(url);
      expect(res.status(), url).toBe(200);
      return res.json();
    };
    const noticesOfTicket = async () =>
      (await api<{ items: Notice[] }>(`${server.url}/api/v1/supervision/notices?ticketId=${id}&limit=50`)).items;
    const NOTICES = '/api/v1/supervision/notices';
    const CIRCULAR = '/api/v1/supervision/circular';

    // One notice so far: the accept stage ran late, addressed to the grid that holds the ticket.
    const [notice, ...others] = await noticesOfTicket();
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ stage: 'accept', level: 'normal', addressedTo: grid.name, unit: { name: grid.name } });
    expect(notice!.number).toMatch(/^督办〔2026〕第\d+号$/);

    // 督办: the county's notices of this month.
    let listUrl = await requestOf(page, NOTICES, () => page.goto(`${server.url}/statistics/supervision`));
    expect(Object.fromEntries(new URL(listUrl).searchParams)).toMatchObject({
      within: String(county.id),
      from: '2026-10-01',
      to: '2026-10-09',
    });
    const row = page.locator(`[data-testid="notice-row"][data-notice-id="${notice!.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('notice-number').textContent()).toBe(notice!.number);
    expect(await row.getByTestId('notice-addressed-to').textContent()).toBe(grid.name);
    expect(await row.getByTestId('notice-stage').textContent()).toBe('受理交办');
    // Due at the end of 10-08, the first working day after the National Day holiday: read as 24:00, like the ticket's deadlines.
    expect(await row.getByTestId('notice-due-at').textContent()).toBe('2026-10-08 24:00');
    expect(await row.locator('[data-level]').textContent()).toBe('督办');
    expect(await row.getByTestId('notice-ticket').textContent()).toBe(notice!.ticket.code);
    await row.getByText('农贸市场消防通道被占用').first().waitFor();
    let answer = await api<{ items: Notice[] }>(listUrl);
    await expect.poll(() => shownNotices(page)).toEqual(expectedNotices(answer.items));

    // Filters: no 黄牌 yet; 督办 shows it again; so does the whole year.
    const levelFilter = page.getByRole('combobox', { name: '督办级别' });
    const pickLevel = async (label: string, level: string) =>
      requestOf(
        page,
        NOTICES,
        async () => {
          await levelFilter.click();
          await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
        },
        (url) => url.searchParams.get('level') === level,
      );
    listUrl = await pickLevel('黄牌督办', 'yellowCard');
    await page.getByTestId('notice-list').getByText('该时段没有督办函').waitFor();
    expect((await api<{ total: number }>(listUrl)).total).toBe(0);
    expect(new URL(page.url()).searchParams.get('level')).toBe('yellowCard');
    listUrl = await pickLevel('督办', 'normal');
    await row.waitFor();
    listUrl = await requestOf(
      page,
      NOTICES,
      () => page.locator('.ant-segmented').getByText('本年', { exact: true }).click(),
      (url) => url.searchParams.get('from') === '2026-01-01',
    );
    expect(new URL(listUrl).searchParams.get('level')).toBe('normal');
    answer = await api<{ items: Notice[] }>(listUrl);
    expect(answer.items.every((n) => n.level === 'normal')).toBe(true);
    await expect.poll(() => shownNotices(page)).toEqual(expectedNotices(answer.items));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ period: 'thisYear', level: 'normal' });

    // From the notice to its ticket, and back to the same view.
    await row.getByTestId('notice-ticket').click();
    await page.waitForURL(new RegExp(`/tickets/${id}$`));
    await page.getByTestId('ticket-detail').waitFor();
    await page.getByTestId('ticket-timeline').locator('[data-op="supervise"]').getByText(notice!.number).waitFor();
    await page.goBack();
    await row.waitFor({ timeout: 15_000 });
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ period: 'thisYear', level: 'normal' });

    // 通报: the township of the grid, with the counts the API gives.
    const readCircular = async () => {
      const url = await requestOf(page, CIRCULAR, () => page.getByRole('tab', { name: '通报' }).click());
      await page.waitForURL(/\/statistics\/circular/);
      await page.getByTestId('circular-table').waitFor();
      const c = await api<CircularAnswer>(url);
      await expect.poll(() => page.getByTestId('circular-title').textContent()).toBe(`通报（${c.from} 至 ${c.to}）`);
      await expect.poll(() => shownCircular(page)).toEqual(expectedCircular(c));
      return c;
    };
    let circular = await readCircular();
    expect(circular).toMatchObject({ from: '2026-10-01', to: '2026-10-09' });
    expect(expectedCircular(circular)).toEqual([
      {
        unit: township.id,
        name: township.name,
        notices: 1,
        yellowCards: 0,
        redCards: 0,
        stillRed: 1,
        tickets: [notice!.ticket.code],
      },
    ]);
    await expect
      .poll(() => page.locator(`[data-testid="circular-ticket"][data-ticket-id="${id}"]`).getAttribute('href'))
      .toBe(`/tickets/${id}`);

    // Red five more working days after its due day 10-08 (10-09, 10-10 调休上班, 10-12, 10-13, 10-14):
    // still 督办 at 23:59 of 10-14, 黄牌 from 24:00.
    server.clock.set('2026-10-14T15:59:00Z');
    await server.runtime.services.supervision.sweep();
    await signInByApi(page, server, dispatcher);
    expect((await noticesOfTicket()).filter((n) => n.level !== 'normal')).toEqual([]);
    server.clock.set('2026-10-14T16:00:00Z');
    await server.runtime.services.supervision.sweep();
    await signInByApi(page, server, dispatcher);
    const escalated = await noticesOfTicket();
    const yellow = escalated.find((n) => n.level === 'yellowCard');
    expect(yellow).toMatchObject({ stage: 'accept', addressedTo: grid.name, workdaysLate: 5 });
    expect(escalated.filter((n) => n.stage === 'accept').map((n) => n.level)).toEqual(['yellowCard', 'normal']);
    expect(new Set(escalated.map((n) => n.number)).size).toBe(escalated.length);

    await page.clock.setSystemTime(server.clock.now());
    listUrl = await requestOf(page, NOTICES, () => page.goto(`${server.url}/statistics/supervision`));
    expect(new URL(listUrl).searchParams.get('to')).toBe('2026-10-15');
    const yellowRow = page.locator(`[data-testid="notice-row"][data-notice-id="${yellow!.id}"]`);
    await yellowRow.waitFor({ timeout: 20_000 });
    expect(await yellowRow.locator('[data-level]').textContent()).toBe('黄牌督办');
    expect(await yellowRow.getByTestId('notice-number').textContent()).toBe(yellow!.number);
    expect(await yellowRow.getByTestId('notice-workdays-late').textContent()).toBe('5');
    expect(await yellowRow.getByTestId('notice-due-at').textContent()).toBe('2026-10-08 24:00');
    answer = await api<{ items: Notice[] }>(listUrl);
    expect(answer.items.map((n) => n.id)).toEqual(expect.arrayContaining(escalated.map((n) => n.id)));
    await expect.poll(() => shownNotices(page)).toEqual(expectedNotices(answer.items));
    await screenshot(page, 'supervision-notices');

    // 立即巡检 (a dispatcher's button) right after the sweep: nothing new, no second notice for one breach.
    listUrl = await requestOf(page, NOTICES, () => page.getByTestId('supervision-sweep').click());
    await page.getByText(/^巡检完成：检查 \d+ 件，亮灯变化 \d+ 件，新发督办函 0 份$/).waitFor();
    expect((await noticesOfTicket()).map((n) => n.id)).toEqual(escalated.map((n) => n.id));
    await expect.poll(async () => shownNotices(page)).toEqual(expectedNotices((await api<{ items: Notice[] }>(listUrl)).items));

    listUrl = await pickLevel('黄牌督办', 'yellowCard');
    answer = await api<{ items: Notice[] }>(listUrl);
    expect(answer.items.map((n) => n.id)).toEqual([yellow!.id]);
    await expect.poll(() => shownNotices(page)).toEqual(expectedNotices(answer.items));

    circular = await readCircular();
    expect(circular).toMatchObject({ from: '2026-10-01', to: '2026-10-15' });
    expect(expectedCircular(circular)).toEqual([
      {
        unit: township.id,
        name: township.name,
        notices: escalated.length,
        yellowCards: 1,
        redCards: 0,
        stillRed: 1,
        tickets: [notice!.ticket.code],
      },
    ]);
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'supervision-circular');
    expect(leaks).toEqual([]);
  });
});

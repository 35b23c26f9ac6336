import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, newPage, screenshot } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { createAccount, signInByApi, watchForUnmasked } from './support/session.ts';

describe.skipIf(!hasChromium)('web shell in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let countyId: number;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demoScale: 0.005 }), launch()]);
    countyId = (await server.runtime.db.db.selectFrom('unit').select('id').where('kind', '=', 'county').executeTakeFirstOrThrow())
      .id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a signed-out visitor to the sign-in page, in Chinese', async () => {
    const page = await newPage(browser);
    await page.goto(server.url);
    await page.getByRole('heading', { name: '用户登录' }).waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('/login');
    await screenshot(page, 'login-zh');
  });

  it('shows the shell in Chinese with a live health indicator from the API, and switches to English', async () => {
    const page = await newPage(browser);
    const leaks = watchForUnmasked(page);
    const { username } = await createAccount(server, 'countyLeader', countyId);
    await signInByApi(page, server, username);
    await page.goto(server.url);
    await expect.poll(() => page.title()).toContain('网格化服务管理信息系统');
    await page.getByText('正常').first().waitFor({ timeout: 15_000 });
    await page.getByRole('menuitem', { name: /网格/ }).first().waitFor();
    await screenshot(page, 'shell-zh');
    await page.getByText('English').first().click();
    await page.getByText('Healthy').first().waitFor({ timeout: 10_000 });
    expect(leaks).toEqual([]);
  });

  it('serves client routes from index.html and answers unknown API paths with problem+json', async () => {
    const page = await newPage(browser);
    const res = await page.goto(`${server.url}/tickets`);
    expect(res?.status()).toBe(200);
    const api = await page.request.get(`${server.url}/api/v1/nope`);
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/problem+json');
  });
});

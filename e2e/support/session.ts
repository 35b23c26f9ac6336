/**
 * Accounts for browser tests, and a watch on every API response for unmasked personal data (S7).
 */
import type { UserRoleName } from '@wangge/contracts';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../apps/server/src/modules/auth/passwords.ts';
import type { TestServer } from './server.ts';

export const E2E_PASSWORD = 'Grid-e2e-2026!';
let seq = 0;

/** An account with one grant; returns its credentials (sign in through the UI or `signInByApi`). */
export async function createAccount(
  server: TestServer,
  role: UserRoleName,
  unitId: number,
  username = `e2e-${role.toLowerCase()}-${++seq}`,
) {
  const db = server.runtime.db.db;
  const now = server.clock.now();
  const user = await db
    .insertInto('user_account')
    .values({
      username,
      display_name: username,
      unit_id: unitId,
      password_hash: await hashPassword(E2E_PASSWORD),
      must_change_password: false,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grant')
    .values({ user_id: user.id, role, unit_id: unitId, granted_by: null, granted_at: now })
    .execute();
  return { username, password: E2E_PASSWORD, userId: user.id };
}

/** Signs the page's browser context in through the API (the cookie lands in the context). */
export async function signInByApi(page: Page, server: TestServer, username: string, password = E2E_PASSWORD) {
  const res = await page.request.post(`${server.url}/api/v1/auth/login`, { data: { username, password } });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
  const me = await res.json();
  if (me.stage === 'totpEnrollRequired') {
    const headers = { 'x-csrf-token': me.csrfToken };
    const enrol = await (await page.request.post(`${server.url}/api/v1/auth/totp/enroll`, { headers })).json();
    const code = await totpCode(server, enrol.secret);
    const ok = await page.request.post(`${server.url}/api/v1/auth/totp/confirm`, { headers, data: { code } });
    if (!ok.ok()) throw new Error(`TOTP confirm: ${await ok.text()}`);
  }
  return me;
}

export function totpCode(server: TestServer, secret: string) {
  return generate({ secret, epoch: Math.floor(server.clock.now().getTime() / 1000) });
}

const PHONE = /(?<![0-9*])1[3-9][0-9]{9}(?![0-9])/;
const ID_NUMBER = /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X](?![0-9])/;

/**
 * S7: collects every API response that carries a full phone or ID number, except the audited
 * reveal calls whose purpose is exactly that.
 */
export function watchForUnmasked(page: Page): string[] {
  const leaks: string[] = [];
  page.on('response', async (res) => {
    const url = res.url();
    if (!url.includes('/api/') || /reveal/.test(url)) return;
    if (!/json|csv/.test(res.headers()['content-type'] ?? '')) return;
    const text = await res.text().catch(() => '');
    if (PHONE.test(text) || ID_NUMBER.test(text)) leaks.push(url);
  });
  return leaks;
}

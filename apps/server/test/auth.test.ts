/** S3: authentication — lockout, one answer for every failure, server-side timeouts, TOTP, CSRF. */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/modules/access/actor.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { api, Client, login, signIn, TEST_PASSWORD } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let countyId: number;
beforeAll(async () => {
  rt = await testRuntime();
  countyId = (await rt.services.units.create(systemActor, { parentId: null, kind: 'county', name: '县', code: '430624' })).id;
});
afterAll(() => rt.close());

const post = (url: string, payload: unknown) => rt.app.inject({ method: 'POST', url, payload: payload as never });
async function account(username: string, role = 'gridWorker', mustChange = false) {
  const u = await rt.db.db
    .insertInto('user_account')
    .values({
      username,
      display_name: username,
      unit_id: countyId,
      password_hash: await hashPassword(TEST_PASSWORD),
      must_change_password: mustChange,
      created_at: rt.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await rt.db.db
    .insertInto('role_grant')
    .values({ user_id: u.id, role, unit_id: countyId, granted_by: null, granted_at: rt.clock.now() })
    .execute();
  return u.id;
}

describe('signing in', () => {
  it('answers unknown users and wrong passwords alike, and locks after 5 failures for 15 minutes', async () => {
    await account('lockme');
    const unknown = await post('/api/v1/auth/login', { username: 'nobody', password: 'x' });
    const wrong = await post('/api/v1/auth/login', { username: 'lockme', password: 'wrong' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (b: string) => ({ ...JSON.parse(b), requestId: null });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    for (let i = 0; i < 4; i++) await post('/api/v1/auth/login', { username: 'lockme', password: 'wrong' });
    const locked = await post('/api/v1/auth/login', { username: 'lockme', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(401);
    expect(strip(locked.body)).toEqual(strip(wrong.body));
    rt.clock.advance(15 * 60_000 + 1000);
    expect((await post('/api/v1/auth/login', { username: 'lockme', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('keeps the session server-side: HttpOnly SameSite cookie, ended after 30 idle minutes', async () => {
    await account('idler');
    const res = await post('/api/v1/auth/login', { username: 'idler', password: TEST_PASSWORD });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const c = new Client(rt.app, setCookie.split(';')[0]!, res.json().csrfToken, res.json().user.id);
    rt.clock.advance(29 * 60_000);
    expect((await api(c, 'GET', `/api/v1/units/${countyId}`)).status).toBe(200);
    rt.clock.advance(31 * 60_000);
    const after = await api(c, 'GET', `/api/v1/units/${countyId}`);
    expect(after.status).toBe(401);
    const row = await rt.db.db
      .selectFrom('session')
      .select(['ended_at', 'end_reason'])
      .where('user_id', '=', c.userId)
      .executeTakeFirstOrThrow();
    expect(row.end_reason).toBe('idle');
  });

  it('ends a session after 12 hours even when it is used all the time', async () => {
    const c = await signIn(rt, 'gridWorker', countyId);
    // Used every 20 minutes for 12 hours: never idle, still ended.
    for (let step = 0; step < 35; step++) {
      rt.clock.advance(20 * 60_000);
      expect((await api(c, 'GET', '/api/v1/auth/me')).status).toBe(200);
    }
    rt.clock.advance(21 * 60_000);
    expect((await api(c, 'GET', '/api/v1/auth/me')).status).toBe(401);
    const row = await rt.db.db
      .selectFrom('session')
      .select('end_reason')
      .where('user_id', '=', c.userId)
      .executeTakeFirstOrThrow();
    expect(row.end_reason).toBe('expired');
  });

  it('ends every session of a disabled account at once', async () => {
    const admin = await signIn(rt, 'systemAdmin', countyId);
    const worker = await signIn(rt, 'gridWorker', countyId);
    expect((await api(worker, 'GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await api(admin, 'POST', `/api/v1/users/${worker.userId}/disable`)).status).toBe(200);
    expect((await api(worker, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('takes a revoked grant away at the next request, though sessions are cached in memory', async () => {
    const secAdmin = await signIn(rt, 'securityAdmin', countyId);
    const official = await signIn(rt, 'townshipOfficial', countyId);
    expect((await api(official, 'GET', `/api/v1/units/${countyId}`)).status).toBe(200);
    const grant = await rt.db.db
      .selectFrom('role_grant')
      .select('id')
      .where('user_id', '=', official.userId)
      .executeTakeFirstOrThrow();
    expect((await api(secAdmin, 'POST', `/api/v1/grants/${grant.id}/revoke`)).status).toBe(200);
    const after = await api(official, 'GET', `/api/v1/units/${countyId}`);
    expect([403, 404]).toContain(after.status);
  });

  it('refuses writes without the CSRF token', async () => {
    const c = await signIn(rt, 'townshipOfficial', countyId);
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: { cookie: c.cookie },
      payload: { unitId: countyId, name: '甲', phone: '13800001111' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('forces a password change at first sign-in, with the policy applied', async () => {
    await account('fresh', 'gridWorker', true);
    const res = await post('/api/v1/auth/login', { username: 'fresh', password: TEST_PASSWORD });
    const me = res.json();
    expect(me.stage).toBe('passwordChangeRequired');
    const c = new Client(rt.app, String(res.headers['set-cookie']).split(';')[0]!, me.csrfToken, me.user.id);
    expect((await api(c, 'GET', `/api/v1/units/${countyId}`)).body.code).toBe('sign_in_incomplete');
    const weak = await api(c, 'POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e: { message: string }) => e.message)).toContain('not a common password');
    const ok = await api(c, 'POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Xiangyin-Grid-7' });
    expect(ok.body.stage).toBe('active');
    expect((await api(c, 'GET', `/api/v1/units/${countyId}`)).status).toBe(200);
  });

  it('lets a user see and end their own sessions', async () => {
    await account('twodevices');
    const a = await login(rt, 'twodevices', TEST_PASSWORD);
    const b = await login(rt, 'twodevices', TEST_PASSWORD);
    const sessions = (await api(a, 'GET', '/api/v1/auth/sessions')).body;
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s: { current: boolean }) => !s.current);
    expect((await api(a, 'DELETE', `/api/v1/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await api(b, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await api(a, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await api(a, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });
});

describe('second factor', () => {
  it('admits no administrator without TOTP, then asks for a code at every sign-in; recovery codes work once', async () => {
    await account('secadmin1', 'securityAdmin');
    const first = await post('/api/v1/auth/login', { username: 'secadmin1', password: TEST_PASSWORD });
    expect(first.json().stage).toBe('totpEnrollRequired');
    const c = new Client(
      rt.app,
      String(first.headers['set-cookie']).split(';')[0]!,
      first.json().csrfToken,
      first.json().user.id,
    );
    expect((await api(c, 'GET', '/api/v1/users')).status).toBe(403);
    const enrol = (await api(c, 'POST', '/api/v1/auth/totp/enroll')).body;
    expect(enrol.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const epoch = () => Math.floor(rt.clock.now().getTime() / 1000);
    const { body } = await api(c, 'POST', '/api/v1/auth/totp/confirm', {
      code: await generate({ secret: enrol.secret, epoch: epoch() }),
    });
    expect(body.recoveryCodes).toHaveLength(10);
    expect((await api(c, 'GET', '/api/v1/users')).status).toBe(200);

    const again = await post('/api/v1/auth/login', { username: 'secadmin1', password: TEST_PASSWORD });
    expect(again.json().stage).toBe('totpRequired');
    const c2 = new Client(
      rt.app,
      String(again.headers['set-cookie']).split(';')[0]!,
      again.json().csrfToken,
      again.json().user.id,
    );
    expect((await api(c2, 'POST', '/api/v1/auth/totp', { code: '000000' })).status).toBe(400);
    const me = await api(c2, 'POST', '/api/v1/auth/totp', { recoveryCode: body.recoveryCodes[0] });
    expect(me.body.stage).toBe('active');

    const third = await post('/api/v1/auth/login', { username: 'secadmin1', password: TEST_PASSWORD });
    const c3 = new Client(
      rt.app,
      String(third.headers['set-cookie']).split(';')[0]!,
      third.json().csrfToken,
      third.json().user.id,
    );
    expect((await api(c3, 'POST', '/api/v1/auth/totp', { recoveryCode: body.recoveryCodes[0] })).status).toBe(400);
    rt.clock.advance(60_000);
    expect(
      (await api(c3, 'POST', '/api/v1/auth/totp', { code: await generate({ secret: enrol.secret, epoch: epoch() }) })).body.stage,
    ).toBe('active');
  });
});

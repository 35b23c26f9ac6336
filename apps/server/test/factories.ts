/**
 * Test data and signed-in clients, built the way real clients do it: accounts sign in through
 * /api/v1/auth/login (enrolling TOTP when their role needs it), then call the API with their cookie
 * and CSRF token.
 */
import type { UserRoleName } from '@wangge/contracts';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { systemActor } from '../src/modules/access/actor.ts';
import type { Db } from '../src/db/client.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import type { Runtime } from '../src/main.ts';
import type { ManualClock } from '../src/lib/clock.ts';

export const square = (lng: number, lat: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrf: string,
    readonly userId: number,
  ) {}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely typed JSON bodies
export async function api<T = any>(
  target: Client | FastifyInstance,
  method: string,
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: T }> {
  const app = target instanceof Client ? target.app : target;
  const headers: Record<string, string> = target instanceof Client ? { cookie: target.cookie, 'x-csrf-token': target.csrf } : {};
  const res = await app.inject({
    method: method as never,
    url,
    headers,
    ...(payload !== undefined ? { payload: payload as never } : {}),
  });
  const json = /json/.test(String(res.headers['content-type'] ?? ''));
  return { status: res.statusCode, body: (res.body ? (json ? res.json() : res.body) : undefined) as T };
}

export const TEST_PASSWORD = 'Grid-test-2026!';
let userSeq = 0;

/** Creates an account with one grant and signs it in (enrolling TOTP where the role needs it). */
/** A user with one role grant and the test password, written straight to the database. */
export async function createUser(
  db: Db,
  u: { username: string; role: UserRoleName; unitId: number; displayName?: string; departmentId?: number; now: Date },
): Promise<{ id: number }> {
  const user = await db.db
    .insertInto('user_account')
    .values({
      username: u.username,
      display_name: u.displayName ?? u.username,
      unit_id: u.unitId,
      password_hash: await hashPassword(TEST_PASSWORD),
      must_change_password: false,
      created_at: u.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.db
    .insertInto('role_grant')
    .values({
      user_id: user.id,
      role: u.role,
      unit_id: u.unitId,
      department_id: u.departmentId ?? null,
      granted_by: null,
      granted_at: u.now,
    })
    .execute();
  return user;
}

export async function signIn(
  rt: Runtime & { clock: ManualClock },
  role: UserRoleName,
  unitId: number,
  opts: { username?: string; departmentId?: number } = {},
): Promise<Client> {
  const username = opts.username ?? `${role.toLowerCase()}${++userSeq}`;
  await createUser(rt.db, { username, role, unitId, departmentId: opts.departmentId, now: rt.clock.now() });
  return login(rt, username, TEST_PASSWORD);
}

/** Signs in through the API; completes TOTP enrolment when asked to. */
export async function login(rt: Runtime & { clock: ManualClock }, username: string, password: string): Promise<Client> {
  const res = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const me = res.json();
  const client = new Client(rt.app, cookie, me.csrfToken, me.user.id);
  if (me.stage === 'totpEnrollRequired') {
    const { body } = await api(client, 'POST', '/api/v1/auth/totp/enroll');
    const code = await generate({ secret: body.secret, epoch: Math.floor(rt.clock.now().getTime() / 1000) });
    const confirmed = await api(client, 'POST', '/api/v1/auth/totp/confirm', { code });
    if (confirmed.status !== 200) throw new Error(`TOTP confirm failed: ${JSON.stringify(confirmed.body)}`);
  }
  return client;
}

export async function totpNow(rt: { clock: ManualClock }, secret: string) {
  return generate({ secret, epoch: Math.floor(rt.clock.now().getTime() / 1000) });
}

/** A county (created by the system, as `wangge units import` does) → township → villages → a grid. */
export async function smallTree(rt: Runtime & { clock: ManualClock }) {
  const county = await rt.services.units.create(systemActor, { parentId: null, kind: 'county', name: '测试县', code: '430624' });
  const official = await signIn(rt, 'townshipOfficial', county.id);
  const township = (
    await api(official, 'POST', '/api/v1/units', { parentId: county.id, kind: 'township', name: '东塘镇', code: '430624101000' })
  ).body;
  const village = (
    await api(official, 'POST', '/api/v1/units', { parentId: township.id, kind: 'village', name: '东塘村', code: '430624101001' })
  ).body;
  const village2 = (
    await api(official, 'POST', '/api/v1/units', { parentId: township.id, kind: 'village', name: '新塘村', code: '430624101002' })
  ).body;
  const grid = (await api(official, 'POST', '/api/v1/units', { parentId: village.id, kind: 'grid', name: '第1网格' })).body;
  return { county, township, village, village2, grid, official };
}

export async function newStaff(c: Client, unitId: number, name: string, phone = '13800000000') {
  const res = await api(c, 'POST', '/api/v1/staff', { unitId, name, phone });
  if (res.status !== 201) throw new Error(`staff: ${JSON.stringify(res.body)}`);
  return res.body;
}

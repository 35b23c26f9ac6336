/**
 * S2: generated bad input against every operation in the OpenAPI document (bad-input.ts builds the
 * cases). Each operation is called by an account that gets past authentication and authorization,
 * with real ids around the one bad part, so the input reaches validation and the handler. Passes
 * when no case gets a 5xx, every case the schema rejects gets a 4xx, and every 4xx is problem+json
 * with a stable code, a title and no stack trace.
 */
import { ErrorCode, roleHas, type Permission, type UserRoleName } from '@wangge/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../src/http/auth.ts';
import { makeIdNumber } from '../src/lib/id-number.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { makeAjv } from './bad-input-schema.ts';
import { casesFor, operationsOf, type BadCase, type Operation } from './bad-input.ts';
import { signIn, smallTree, type Client } from './factories.ts';
import { testRuntime } from './runtime.ts';

const rt = await testRuntime();
const doc = (await rt.app.inject('/api/openapi.json')).json();
const operations = operationsOf(doc);

/** Operations not fuzzed here, each with the reason. */
const SKIPPED: Record<string, string> = {
  'GET /healthz': 'takes no input (no parameters, no body, no session)',
  'GET /readyz': 'takes no input (no parameters, no body, no session)',
  'GET /api/v1/system/info': 'takes no input (no parameters, no body, no session)',
};
// A stream stays open once accepted, so it only gets the cases its schema rejects: those must be answered at once.
const STREAMS = new Set(['GET /api/v1/tickets/events']);

const clients = new Map<UserRoleName | 'self', Client>();
const ids: Record<string, number> = {};
const paths: [RegExp, string][] = [];
const ajv = makeAjv();
const bodyAjv = makeAjv({ coerce: false });
const codes = new Set<string>(Object.values(ErrorCode));
// Roles tried in this order for a route's permission; all granted at the county.
const ROLES: UserRoleName[] = ['countyDispatcher', 'townshipOfficial', 'systemAdmin', 'securityAdmin', 'auditAdmin'];

beforeAll(async () => {
  const tree = await smallTree(rt);
  for (const role of ROLES) clients.set(role, await signIn(rt, role, tree.county.id));
  // Session routes (password, TOTP, logout, sessions) run on their own account, not one the other operations use.
  clients.set('self', await signIn(rt, 'gridWorker', tree.grid.id));
  const s = rt.services;
  const household = await s.households.create(systemActor, { unitId: tree.grid.id, address: '东塘路1号', headName: '户主' });
  const person = await s.people.create(systemActor, {
    unitId: tree.grid.id,
    name: '居民',
    idNumber: makeIdNumber('430624', '1980-01-01', 7),
    phone: '13600000000',
    residenceType: 'registered',
  });
  const staff = await s.staff.createStaff(systemActor, { unitId: tree.village.id, name: '人员', phone: '13900000000' });
  const assignment = await s.staff.assign(systemActor, { staffId: staff.id, unitId: tree.grid.id, role: 'gridWorker' });
  const building = await s.places.createBuilding(systemActor, {
    unitId: tree.grid.id,
    name: '楼',
    address: '路',
    use: 'residential',
  });
  const house = (await s.places.createHouse(systemActor, { buildingId: building.id, number: '1', use: 'ownUse' }))[0]!;
  await s.occupancy.moveIn(systemActor, { personId: person.id, houseId: house.id, kind: 'family', fromDate: '2025-01-01' });
  const residence = await rt.db.db
    .selectFrom('residence')
    .select('id')
    .where('person_id', '=', person.id)
    .executeTakeFirstOrThrow();
  const category = (await s.categories.list()).find((c) => c.code === 'policy')!;
  const ticket = await s.tickets.report(systemActor, {
    title: '工单',
    description: '政策咨询',
    categoryId: category.id,
    channel: 'walkIn',
    unitId: tree.grid.id,
    householdId: household.id,
    reporter: { name: '来电人', phone: '13700000000' },
  });
  const target = await signIn(rt, 'gridWorker', tree.village2.id);
  const grant = await rt.db.db
    .selectFrom('role_grant')
    .select('id')
    .where('user_id', '=', target.userId)
    .executeTakeFirstOrThrow();
  Object.assign(ids, {
    unit: tree.village.id,
    parent: tree.township.id,
    within: tree.county.id,
    household: household.id,
    person: person.id,
    staff: staff.id,
    assignment: assignment.id,
    building: building.id,
    house: house.id,
    residence: residence.id,
    category: category.id,
    ticket: ticket.ticket.id,
    user: target.userId,
    grant: grant.id,
  });
  // The first matching prefix names the record a path's {id} stands for.
  paths.push(
    [/^\/api\/v1\/auth\/sessions\//, 'fuzzSession0'],
    [/^\/api\/v1\/calendar\/years\//, '2026'],
    [/^\/api\/v1\/(people|houses)\/imports\//, '999'],
    [/^\/api\/v1\/files\//, '999'],
    ...(
      [
        ['users', 'user'],
        ['grants', 'grant'],
        ['units', 'unit'],
        ['staff', 'staff'],
        ['assignments', 'assignment'],
        ['households', 'household'],
        ['people', 'person'],
        ['buildings', 'building'],
        ['residences', 'residence'],
        ['tickets', 'ticket'],
        ['ticket-categories', 'category'],
      ] as const
    ).map(([p, k]) => [new RegExp(`^/api/v1/${p}/`), String(ids[k])] as [RegExp, string]),
  );
});
afterAll(() => rt.close());

function clientFor(access: RouteAccess | undefined): Client | null {
  if (!access || access === 'public') return null;
  if (access === 'session') return clients.get('self')!;
  const needed: Permission[] = typeof access === 'object' ? access.any : [access];
  const role = ROLES.find((r) => needed.some((p) => roleHas(r, p)));
  if (!role) throw new Error(`no test role holds ${needed.join(' or ')}`);
  return clients.get(role)!;
}

/** The cases that test authentication itself: a forged session cookie and a forged CSRF token. */
function authCases(op: Operation, url: string): BadCase[] {
  const forged = ['x'.repeat(10_000), '%00%ED%A0%80', encodeURIComponent('\u202e🙂')];
  const cases: BadCase[] = forged.map((v, i) => ({
    name: `auth: forged session cookie #${i + 1}`,
    url,
    headers: { cookie: `wg_session=${v}` },
    mustReject: true,
  }));
  if (op.method !== 'GET')
    cases.push({ name: 'auth: forged CSRF token', url, headers: { 'x-csrf-token': 'ÿ'.repeat(300) }, mustReject: true });
  return cases;
}

const STACK = /\n\s+at |\.[cm]?[tj]s:\d+|node_modules/;

async function run(op: Operation, client: Client | null, c: BadCase): Promise<string | null> {
  const auth = c.name.startsWith('auth:');
  const headers = { ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}), ...c.headers };
  const res = await rt.app.inject({
    method: op.method as never,
    url: c.url,
    headers,
    ...(c.payload !== undefined ? { payload: c.payload } : {}),
  });
  const status = res.statusCode;
  const fail = (why: string) => `${op.method} ${op.path} — ${c.name}: ${why}; got ${status} ${res.body.slice(0, 300)}`;
  if (status >= 500) return fail('a server error');
  if (c.mustReject && (status < 400 || status >= 500)) return fail('the schema rejects it, so expected a 4xx');
  if (status < 400) return null;
  if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) return fail('not problem+json');
  if (STACK.test(res.body)) return fail('stack trace text in the body');
  const body = res.json();
  if (!codes.has(body.code) || typeof body.title !== 'string') return fail('no stable code or title');
  if (!auth && ['unauthenticated', 'csrf_failed', 'sign_in_incomplete'].includes(body.code)) return fail('stopped at sign-in');
  return null;
}

describe('bad input against every operation in the OpenAPI document', () => {
  const fuzzed = operations.filter((op) => !SKIPPED[`${op.method} ${op.path}`]);

  it('covers every operation but the listed ones', () => {
    expect(operations.length).toBeGreaterThan(100);
    for (const key of [...Object.keys(SKIPPED), ...STREAMS]) {
      expect(operations.map((o) => `${o.method} ${o.path}`)).toContain(key);
    }
  });

  it.each(fuzzed.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s answers bad input with 4xx problem+json',
    async (_, op) => {
      const access = rt.app.routeTable.find(
        (r) => r.method === op.method && r.url === op.path.replace(/\{(\w+)\}/g, ':$1'),
      )?.access;
      const client = clientFor(access);
      const pathValue = (o: Operation, name: string) => (name === 'year' ? '2026' : paths.find(([re]) => re.test(o.path))![1]);
      const key = `${op.method} ${op.path}`;
      const cases = casesFor(op, { ajv, bodyAjv, pathValue, ids, limit: 30 }).filter((c) => !STREAMS.has(key) || c.mustReject);
      if (client)
        cases.push(
          ...authCases(
            op,
            op.path.replace(/\{(\w+)\}/g, (_, k: string) => pathValue(op, k)),
          ),
        );
      const failures: string[] = [];
      for (const c of cases) {
        const failure = await run(op, client, c);
        if (failure) failures.push(failure);
      }
      expect(cases.length).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    },
  );
});

/**
 * S1: every permission-gated endpoint × every role × a target in the caller's own unit, a child,
 * the parent and a sibling. Generated from the route table, so a new endpoint is covered (or this
 * test fails, asking how to build a request for it). Out-of-scope requests must get 403/404 and
 * never a record; no request may get a 5xx.
 */
import { roleHas, UserRoles, type Permission, type UserRoleName } from '@wangge/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../src/http/auth.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeIdNumber } from '../src/lib/id-number.ts';
import { api, signIn, square, type Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

type Rel = 'own' | 'child' | 'parent' | 'sibling';
const RELS: Rel[] = ['own', 'child', 'parent', 'sibling'];
const inScope = (rel: Rel) => rel === 'own' || rel === 'child';

let rt: TestRuntime;
const clients = new Map<UserRoleName, Client>();
// Fixture ids per relation.
const f: Record<string, Record<Rel, number>> = {
  unit: {} as never,
  home: {} as never,
  household: {} as never,
  staff: {} as never,
  assignment: {} as never,
  user: {} as never,
  grant: {} as never,
  person: {} as never,
  import: {} as never,
  houseImport: {} as never,
  building: {} as never,
  house: {} as never,
  residence: {} as never,
  ticket: {} as never,
};
let categoryId = 0;
let categoryCode = '';
const opBodies: Record<string, object> = {
  reject: { reason: 'invalid' },
  consult: { participants: ['甲'], decision: '会商', committedDate: '2026-12-01' },
  requestExtension: { workdays: 1, reason: '等待' },
  decideExtension: { approve: true },
  verify: { passed: true },
  evaluate: { rating: 'satisfied' },
};
let idSeq = 100;
const codes: Record<Rel, string> = {} as never;
const centres: Record<Rel, [number, number]> = {} as never;
// Each relation's polygon; writes in the matrix put the same polygon back, so locate keeps working.
const shapeOf: Record<Rel, ReturnType<typeof square>> = {
  own: square(112, 28, 1),
  child: square(112.2, 28.2, 0.5),
  parent: square(112, 28, 2),
  sibling: square(113, 28, 1),
};

beforeAll(async () => {
  rt = await testRuntime();
  const { units, staff, households } = rt.services;
  const c = (parentId: number | null, kind: string, name: string, code?: string) =>
    units.create(systemActor, { parentId, kind: kind as never, name, ...(code ? { code } : {}) });
  const county = await c(null, 'county', '县', '430624');
  const t1 = await c(county.id, 'township', '镇一', '430624101000');
  const t2 = await c(county.id, 'township', '镇二', '430624102000');
  const v1 = await c(t1.id, 'village', '村一', '430624101001');
  const v2 = await c(t1.id, 'village', '村二', '430624101002');
  const g1 = await c(v1.id, 'grid', '网格一');
  const g2 = await c(v2.id, 'grid', '网格二');
  const g0 = await c((await c(t2.id, 'village', '村三', '430624102001')).id, 'grid', '网格三');
  // own = the granted village, child = its grid, parent = the township, sibling = the other village.
  const unitOf: Record<Rel, { id: number; code: string }> = { own: v1, child: g1, parent: t1, sibling: v2 };
  const homeOf: Record<Rel, number> = { own: g1.id, child: g1.id, parent: g0.id, sibling: g2.id };
  const shapes: [number, { id: number }, number, number, number][] = [
    [0, county, 112, 28, 4],
    [1, t1, 112, 28, 2],
    [2, v1, 112, 28, 1],
    [3, v2, 113, 28, 1],
    [4, g1, 112.2, 28.2, 0.5],
    [5, g2, 113.2, 28.2, 0.5],
  ];
  for (const [, u, lng, lat, size] of shapes) await rt.services.maps.setGeometry(systemActor, u.id, square(lng, lat, size));
  centres.own = [112.9, 28.9];
  centres.child = [112.3, 28.3];
  centres.parent = [113.5, 29.5];
  centres.sibling = [113.5, 28.5];
  for (const rel of RELS) {
    f.unit![rel] = unitOf[rel].id;
    codes[rel] = unitOf[rel].code;
    f.home![rel] = homeOf[rel];
    f.household![rel] = (
      await households.create(systemActor, { unitId: homeOf[rel], address: `${rel}路1号`, headName: `户主${rel}` })
    ).id;
    const s = await staff.createStaff(systemActor, { unitId: unitOf[rel].id, name: `人员${rel}`, phone: '13900000000' });
    f.staff![rel] = s.id;
    f.assignment![rel] = (await staff.assign(systemActor, { staffId: s.id, unitId: homeOf[rel], role: 'gridWorker' })).id;
    const user = await rt.db.db
      .insertInto('user_account')
      .values({
        username: `target-${rel}`,
        display_name: rel,
        unit_id: unitOf[rel].id,
        password_hash: 'x',
        created_at: rt.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    f.user![rel] = user.id;
    f.person![rel] = (
      await rt.services.people.create(systemActor, {
        unitId: homeOf[rel],
        name: `居民${rel}`,
        idNumber: makeIdNumber('430624', '1980-01-01', ++idSeq),
        phone: '13600000000',
        residenceType: 'registered',
      })
    ).id;
    const building = await rt.services.places.createBuilding(systemActor, {
      unitId: homeOf[rel],
      name: `楼${rel}`,
      address: `${rel}路`,
      use: 'residential',
    });
    f.building![rel] = building.id;
    f.house![rel] = (
      await rt.services.places.createHouse(systemActor, { buildingId: building.id, number: '1', use: 'ownUse' })
    )[0]!.id;
    await rt.services.occupancy.moveIn(systemActor, {
      personId: f.person![rel],
      houseId: f.house![rel],
      kind: 'family',
      fromDate: '2025-01-01',
    });
    f.residence![rel] = (
      await rt.db.db.selectFrom('residence').select('id').where('person_id', '=', f.person![rel]).executeTakeFirstOrThrow()
    ).id;
    const report = path.join(tmpdir(), `wg-matrix-${rel}.xlsx`);
    writeFileSync(report, 'x');
    // A finished import of each kind with one rejected row: its error report is there to be asked for.
    for (const [kind, key, name] of [
      ['people', 'import', `job-${rel}`],
      ['houses', 'houseImport', `houses-job-${rel}`],
    ] as const) {
      f[key]![rel] = (
        await rt.db.db
          .insertInto('import_job')
          .values({
            kind,
            mode: 'insert',
            format: 'csv',
            file_name: name,
            file_path: report,
            file_bytes: 1,
            header: '[]',
            unit_id: unitOf[rel].id,
            created_by: null,
            status: 'done',
            rows_read: 1,
            rejected: 1,
            created_at: rt.clock.now(),
            finished_at: rt.clock.now(),
            updated_at: rt.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await rt.db.db
        .insertInto('import_rejection')
        .values({
          import_id: f[key]![rel],
          row_number: 1,
          row_data_enc: rt.crypto.encrypt(JSON.stringify(['张三'])),
          reasons: JSON.stringify([{ column: '姓名', message: '示例' }]),
        })
        .execute();
    }
    const category = (await rt.services.categories.list()).find((c) => c.code === 'policy')!;
    categoryId = category.id;
    categoryCode = category.code;
    f.ticket![rel] = (
      await rt.services.tickets.report(systemActor, {
        title: `工单${rel}`,
        description: '政策咨询',
        categoryId,
        channel: 'walkIn',
        unitId: homeOf[rel],
        householdId: f.household![rel],
        reporter: { name: '来电人', phone: '13700000000' },
      })
    ).ticket.id;
    f.grant![rel] = (
      await rt.db.db
        .insertInto('role_grant')
        .values({ user_id: user.id, role: 'gridWorker', unit_id: unitOf[rel].id, granted_by: null, granted_at: rt.clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  for (const role of UserRoles) clients.set(role, await signIn(rt, role, v1.id, role === 'departmentHandler' ? {} : {}));
});
afterAll(() => rt.close());

interface Probe {
  method: string;
  url: string;
  body?: unknown;
  /** Global routes (the audit log) are not limited by unit. */
  global?: boolean;
  /** For lists without a target: the response must not contain another relation's record. */
  leakKey?: string;
  multipart?: { unitId: string; csv: string };
  /** Tickets: department handlers see only what is dispatched to their department. */
  deptOnly?: boolean;
  /** A server-sent-event stream: only the permission gate is probed (the stream itself never ends). */
  stream?: boolean;
}

async function send(c: Client, p: Probe) {
  if (!p.multipart) return api(c, p.method, p.url, p.body);
  const fd = new FormData();
  fd.append('unitId', p.multipart.unitId);
  fd.append('file', new Blob([p.multipart.csv]), 'p.csv');
  const req = new Request('http://local/', { method: 'POST', body: fd });
  const res = await c.app.inject({
    method: 'POST',
    url: p.url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': req.headers.get('content-type')! },
    payload: Buffer.from(await req.arrayBuffer()),
  });
  return {
    status: res.statusCode,
    body: res.body ? (/json/.test(String(res.headers['content-type'])) ? res.json() : res.body) : undefined,
  };
}

/** How to aim each route at a relation's record. Unknown routes fail the test. */
function probe(r: RouteEntry, rel: Rel): Probe | null {
  const id = (kind: string) => f[kind]![rel];
  const u = r.url;
  const path = (kind: string) => u.replace(':id', String(id(kind)));
  if (u.startsWith('/api/v1/audit')) return { method: r.method, url: u, global: true };
  // The working calendar is global: one per installation.
  if (u === '/api/v1/calendar/years/:year')
    return {
      method: r.method,
      url: '/api/v1/calendar/years/2030',
      body: { holidays: ['2030-01-01'], workdays: [] },
      global: true,
    };
  if (u === '/api/v1/calendar/import')
    return { method: r.method, url: u, body: { format: 'csv', content: '2031-01-01,holiday\n' }, global: true };
  if (u.startsWith('/api/v1/calendar')) return { method: r.method, url: u, global: true };
  if (u.startsWith('/api/v1/units/:id')) {
    const body =
      r.method === 'PATCH'
        ? { version: 999, name: 'x' }
        : u.endsWith('/retire')
          ? { version: 999 }
          : u.endsWith('/geometry')
            ? { geometry: shapeOf[rel] }
            : u.endsWith('/party-groups')
              ? { name: 'x', gridIds: [f.home!.own] }
              : undefined;
    return { method: r.method, url: path('unit'), body };
  }
  if (u.startsWith('/api/v1/households/:id'))
    return { method: r.method, url: path('household'), body: u.endsWith('/move') ? { unitId: f.home!.own } : undefined };
  if (u.startsWith('/api/v1/assignments/:id')) return { method: r.method, url: path('assignment'), body: {} };
  if (u.startsWith('/api/v1/staff/:id')) return { method: r.method, url: path('staff') };
  if (u.startsWith('/api/v1/users/:id')) return { method: r.method, url: path('user') };
  if (u.startsWith('/api/v1/grants/:id')) return { method: r.method, url: path('grant') };
  if (u.startsWith('/api/v1/buildings/:id')) return { method: r.method, url: path('building') };
  if (u.startsWith('/api/v1/residences/:id')) return { method: r.method, url: path('residence'), body: { toDate: '2026-06-30' } };
  if (u.startsWith('/api/v1/people/imports/:id')) return { method: r.method, url: path('import') };
  if (u.startsWith('/api/v1/houses/imports/:id')) return { method: r.method, url: path('houseImport') };
  if (u === '/api/v1/tickets/events') return { method: r.method, url: u, stream: true };
  if (u.startsWith('/api/v1/tickets/:id/')) {
    const op = u.split('/').pop()!;
    return { method: r.method, url: path('ticket'), body: { version: 999, ...(opBodies[op] ?? {}) }, deptOnly: true };
  }
  if (u.startsWith('/api/v1/tickets/:id')) return { method: r.method, url: path('ticket'), deptOnly: true };
  if (u.startsWith('/api/v1/ticket-categories') || u.startsWith('/api/v1/supervision/') || u.startsWith('/api/v1/tickets/inbox'))
    return {
      method: r.method,
      url:
        u.replace(':id', String(categoryId)) +
        (u.endsWith('/circular') ? '?from=2026-01-01&to=2026-12-31' : u === '/api/v1/tickets/inbox' ? '?box=toAccept' : ''),
      body:
        r.method === 'POST' && u.endsWith('categories')
          ? { code: `c${++idSeq}`, name: '新类别' }
          : r.method === 'PUT'
            ? { code: categoryCode, name: '政策咨询' }
            : undefined,
      global: true,
    };
  if (u.startsWith('/api/v1/people/:id'))
    return { method: r.method, url: path('person'), body: r.method === 'PATCH' ? { version: 999 } : undefined };
  const key = `${r.method} ${u}`;
  switch (key) {
    case 'GET /api/v1/units':
    case 'GET /api/v1/roster':
    case 'GET /api/v1/households':
      return { method: 'GET', url: `${u}?within=${id('unit')}` };
    case 'POST /api/v1/units':
      return { method: 'POST', url: u, body: { parentId: id('unit'), kind: 'grid', name: `新网格${rel}` } };
    case 'POST /api/v1/households':
      return { method: 'POST', url: u, body: { unitId: id('home'), address: 'x', headName: 'y' } };
    case 'POST /api/v1/staff':
      return { method: 'POST', url: u, body: { unitId: id('unit'), name: 'x', phone: '13900000001' } };
    case 'POST /api/v1/assignments':
      return { method: 'POST', url: u, body: { staffId: id('staff'), unitId: id('home'), role: 'infoOfficer' } };
    case 'POST /api/v1/users':
      return {
        method: 'POST',
        url: u,
        body: { username: `u-${rel}-${Math.random().toString(36).slice(2, 8)}`, displayName: 'x', unitId: id('unit') },
      };
    case 'POST /api/v1/grants':
      return { method: 'POST', url: u, body: { userId: id('user'), role: 'gridLeader', unitId: id('unit') } };
    case 'GET /api/v1/staff':
      return { method: 'GET', url: `${u}?q=人员${rel}`, leakKey: `人员${rel}` };
    case 'GET /api/v1/users':
      return { method: 'GET', url: `${u}?q=target-${rel}`, leakKey: `target-${rel}` };
    case 'GET /api/v1/locate': {
      const [lng, lat] = centres[rel];
      return { method: 'GET', url: `${u}?lng=${lng}&lat=${lat}`, leakKey: codes[rel] };
    }
    case 'GET /api/v1/people':
      return { method: 'GET', url: `${u}?within=${id('unit')}` };
    case 'GET /api/v1/people/export':
      return { method: 'GET', url: `${u}?format=csv&within=${id('unit')}` };
    case 'GET /api/v1/people/import-template':
    case 'GET /api/v1/houses/import-template':
      return { method: 'GET', url: `${u}?format=csv`, global: true };
    case 'GET /api/v1/houses/imports':
      return { method: 'GET', url: u, leakKey: `houses-job-${rel}` };
    case 'POST /api/v1/houses/imports':
      return {
        method: 'POST',
        url: u,
        multipart: { unitId: String(id('unit')), csv: `所属单元编码,楼栋名称,楼栋地址,房号\nx,${rel}栋,路,${++idSeq}\n` },
      };
    case 'GET /api/v1/people/imports':
      return { method: 'GET', url: u, leakKey: `job-${rel}` };
    case 'POST /api/v1/people':
      return {
        method: 'POST',
        url: u,
        body: {
          unitId: id('home'),
          name: '新居民',
          idNumber: makeIdNumber('430624', '1990-01-01', ++idSeq),
          residenceType: 'registered',
        },
      };
    case 'POST /api/v1/people/imports':
      return {
        method: 'POST',
        url: u,
        multipart: {
          unitId: String(id('unit')),
          csv: `姓名,公民身份号码,人口类型,所属单元编码\n甲,${makeIdNumber('430624', '1991-01-01', ++idSeq)},户籍人口,x\n`,
        },
      };
    case 'GET /api/v1/departments':
      return { method: 'GET', url: u, global: true };
    case 'POST /api/v1/tickets':
      return {
        method: 'POST',
        url: u,
        body: { title: '新工单', description: 'x', categoryId, channel: 'walkIn', unitId: id('home') },
      };
    case 'GET /api/v1/tickets':
      return { method: 'GET', url: `${u}?q=工单${rel}`, leakKey: `工单${rel}`, deptOnly: true };
    case 'GET /api/v1/tickets/duplicates':
      return { method: 'GET', url: `${u}?categoryId=${categoryId}&householdId=${id('household')}`, leakKey: `工单${rel}` };
    case 'GET /api/v1/dashboard':
    case 'GET /api/v1/dashboard/report':
      return { method: 'GET', url: `${u}?unitId=${id('unit')}` };
    case 'GET /api/v1/tickets/export':
      return { method: 'GET', url: `${u}?q=工单${rel}&format=csv`, leakKey: `工单${rel}`, deptOnly: true };
    case 'GET /api/v1/tickets/statistics':
      return { method: 'GET', url: `${u}?unitId=${id('unit')}&from=2026-01-01&to=2026-12-31` };
    case 'GET /api/v1/buildings':
    case 'GET /api/v1/organizations':
      return { method: 'GET', url: `${u}?within=${id('unit')}` };
    case 'POST /api/v1/buildings':
      return { method: 'POST', url: u, body: { unitId: id('home'), name: '新楼', address: '新路', use: 'residential' } };
    case 'POST /api/v1/houses':
      return { method: 'POST', url: u, body: { buildingId: id('building'), number: `N${++idSeq}`, use: 'vacant' } };
    case 'POST /api/v1/residences':
      return {
        method: 'POST',
        url: u,
        body: { personId: id('person'), houseId: id('house'), kind: 'family', fromDate: '2026-01-01' },
      };
    case 'POST /api/v1/rentals':
      return {
        method: 'POST',
        url: u,
        body: { houseId: id('house'), landlordPersonId: id('person'), tenantPersonIds: [id('person')], fromDate: '2026-01-01' },
      };
    case 'POST /api/v1/organizations':
      return { method: 'POST', url: u, body: { unitId: id('home'), name: '新商店', kind: 'shop' } };
    case 'POST /api/v1/party-members':
      return { method: 'POST', url: u, body: { personId: id('person'), workingAway: false } };
    case 'POST /api/v1/units/geojson':
      return {
        method: 'POST',
        url: u,
        body: {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: { code: codes[rel] }, geometry: shapeOf[rel] }],
        },
        leakKey: '"updated":1',
      };
  }
  return null;
}

describe('S1 access matrix', () => {
  it('covers every permission-gated route', () => {
    const gated = rt.app.routeTable.filter((r) => typeof r.access !== 'string' || !['public', 'session'].includes(r.access));
    expect(gated.length).toBeGreaterThan(25);
    const missing = gated.filter((r) => probe(r, 'own') === null).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  // About 2,000 requests: give it room on a busy 2-core machine.
  it('allows in scope, refuses out of scope, and never leaks or fails', { timeout: 240_000 }, async () => {
    const gated = rt.app.routeTable.filter((r) => typeof r.access !== 'string' || !['public', 'session'].includes(r.access));
    const failures: string[] = [];
    for (const route of gated) {
      const needed: Permission[] = typeof route.access === 'object' ? route.access.any : [route.access as Permission];
      for (const role of UserRoles) {
        const has = needed.some((p) => roleHas(role, p));
        for (const rel of RELS) {
          const p = probe(route, rel)!;
          if (p.stream && has) continue;
          const res = await send(clients.get(role)!, p);
          const text = JSON.stringify(res.body ?? '');
          const sees = inScope(rel) && !(p.deptOnly && role === 'departmentHandler');
          const allowed = has && (p.global || sees);
          const tag = `${role} ${rel} ${route.method} ${route.url} → ${res.status}`;
          if (res.status >= 500) failures.push(`${tag} (server error)`);
          else if (p.leakKey && !has) {
            if (res.status !== 403) failures.push(`${tag} (expected 403)`);
          } else if (p.leakKey) {
            if (res.status !== 200) failures.push(`${tag} (expected 200)`);
            else if (sees !== text.includes(p.leakKey)) failures.push(`${tag} (${sees ? 'missing' : 'LEAKED'} ${p.leakKey})`);
          } else if (allowed && [401, 403, 404].includes(res.status))
            failures.push(`${tag} (refused in scope: ${text.slice(0, 120)})`);
          else if (!allowed && ![403, 404].includes(res.status)) failures.push(`${tag} (allowed out of scope)`);
          else if (!allowed && /人员|户主|居民|target-|job-|工单/.test(text)) failures.push(`${tag} (refusal leaks a record)`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

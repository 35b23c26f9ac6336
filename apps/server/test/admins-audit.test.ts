/** S4 (three administrators) and S5 (audit: one record per sensitive action, append-only, tamper-evident). */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/modules/access/actor.ts';
import { api, signIn, type Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let countyId: number;
let sys: Client;
let sec: Client;
let aud: Client;
beforeAll(async () => {
  rt = await testRuntime();
  countyId = (await rt.services.units.create(systemActor, { parentId: null, kind: 'county', name: '县', code: '430624' })).id;
  [sys, sec, aud] = [
    await signIn(rt, 'systemAdmin', countyId),
    await signIn(rt, 'securityAdmin', countyId),
    await signIn(rt, 'auditAdmin', countyId),
  ];
});
afterAll(() => rt.close());

const auditRows = async (action: string) =>
  rt.db.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('S4 three administrators', () => {
  it('gives each administrator only their own powers', async () => {
    const created = await api(sys, 'POST', '/api/v1/users', { username: 'newworker', displayName: '新网格员', unitId: countyId });
    expect(created.status).toBe(201);
    expect(created.body.initialPassword).toMatch(/.{12,}/);
    const userId = created.body.user.id;
    // The system administrator cannot grant roles or read the audit log.
    expect((await api(sys, 'POST', '/api/v1/grants', { userId, role: 'gridWorker', unitId: countyId })).status).toBe(403);
    expect((await api(sys, 'GET', '/api/v1/audit')).status).toBe(403);
    // The security administrator grants, but cannot create users or read the audit log.
    expect((await api(sec, 'POST', '/api/v1/grants', { userId, role: 'gridWorker', unitId: countyId })).status).toBe(200);
    expect((await api(sec, 'POST', '/api/v1/users', { username: 'x1', displayName: 'x', unitId: countyId })).status).toBe(403);
    expect((await api(sec, 'GET', '/api/v1/audit')).status).toBe(403);
    // The audit administrator reads the log and nothing else.
    expect((await api(aud, 'GET', '/api/v1/audit')).status).toBe(200);
    expect((await api(aud, 'POST', '/api/v1/users', { username: 'x2', displayName: 'x', unitId: countyId })).status).toBe(403);
    expect((await api(aud, 'POST', '/api/v1/grants', { userId, role: 'gridLeader', unitId: countyId })).status).toBe(403);
    expect((await api(aud, 'GET', `/api/v1/units/${countyId}`)).status).toBe(403);
  });

  it('never lets one account hold two administrator roles, nor grant to itself', async () => {
    const { body } = await api(sys, 'POST', '/api/v1/users', { username: 'admin2', displayName: '管理员二', unitId: countyId });
    expect(
      (await api(sec, 'POST', '/api/v1/grants', { userId: body.user.id, role: 'auditAdmin', unitId: countyId })).status,
    ).toBe(200);
    const second = await api(sec, 'POST', '/api/v1/grants', { userId: body.user.id, role: 'systemAdmin', unitId: countyId });
    expect(second.status).toBe(409);
    expect(second.body.detail).toMatch(/三权分立/);
    expect((await api(sec, 'POST', '/api/v1/grants', { userId: sec.userId, role: 'gridWorker', unitId: countyId })).status).toBe(
      403,
    );
  });
});

describe('S5 audit', () => {
  it('writes exactly one record per sensitive action, with who, what, result and source', async () => {
    const official = await signIn(rt, 'townshipOfficial', countyId);
    const before = (await auditRows('staff.create')).length;
    const staff = await api(official, 'POST', '/api/v1/staff', { unitId: countyId, name: '王五', phone: '13712345678' });
    const rows = await auditRows('staff.create');
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      user_id: official.userId,
      object_type: 'staff',
      object_id: String(staff.body.id),
      result: 'ok',
      ip: '127.0.0.1',
    });
    expect(rows.at(-1)!.request_id).toBeTruthy();

    const reveal = await api(official, 'POST', `/api/v1/staff/${staff.body.id}/reveal-phone`);
    expect(reveal.body.value).toBe('13712345678');
    expect(await auditRows('staff.phone.reveal')).toHaveLength(1);

    // Refusals are recorded too.
    const worker = await signIn(rt, 'gridWorker', countyId);
    await api(worker, 'POST', `/api/v1/staff/${staff.body.id}/reveal-phone`);
    const denied = await auditRows('access.denied');
    expect(denied.at(-1)).toMatchObject({ user_id: worker.userId, result: 'denied' });
    expect((await auditRows('auth.login')).every((r) => r.result === 'ok' || r.result === 'failed')).toBe(true);
  });

  it('cannot be updated or deleted by the application', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(rt.db.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(rt.db.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log cascade`.execute(rt.db.db)).rejects.toThrow(/append-only/);
  });

  it('seals records into a chain, and verification names the first changed record', async () => {
    const ok = await api(aud, 'POST', '/api/v1/audit/verify');
    expect(ok.body.ok).toBe(true);
    expect(ok.body.checked).toBeGreaterThan(5);
    // Someone with database superuser rights edits a sealed record behind the application's back.
    const victim = (await auditRows('staff.create'))[0]!;
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(rt.db.db);
    await sql`update audit_log set username = 'someone-else' where id = ${victim.id}`.execute(rt.db.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(rt.db.db);
    const broken = await api(aud, 'POST', '/api/v1/audit/verify');
    expect(broken.body.ok).toBe(false);
    expect(broken.body.firstBrokenId).toBe(Number(victim.id));
  });

  it('lets the audit administrator filter and export, and records that too', async () => {
    const page = await api(aud, 'GET', '/api/v1/audit?action=staff.&limit=5');
    expect(page.body.items.every((e: { action: string }) => e.action.startsWith('staff.'))).toBe(true);
    const csv = await api(aud, 'GET', '/api/v1/audit/export?result=denied');
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\n')[0]).toContain('id,at,userId,username,role,action');
    expect(await auditRows('audit.export')).toHaveLength(1);
  });
});

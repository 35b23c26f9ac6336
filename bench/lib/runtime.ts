/**
 * The project's whole server (createRuntime: migrations, pg-boss, Fastify app) on a benchmark
 * database with the demo county loaded, and a signed-in user. Quiet logs, no job workers, no web bundle.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../apps/server/src/config.ts';
import type { UserRoleName } from '@wangge/contracts';
import { systemClock, type Clock } from '../../apps/server/src/lib/clock.ts';
import { createRuntime, type Runtime } from '../../apps/server/src/main.ts';
import { hashPassword } from '../../apps/server/src/modules/auth/passwords.ts';
import { seedDemo } from '../../apps/server/src/modules/demo/demo.seed.ts';
import type { BenchDb } from './db.ts';

/**
 * The server with the demo county loaded at `demoScale` (null: the database has it already), then
 * ANALYZEd. `clock`: the server's clock (a ManualClock to move time; default the system clock).
 */
export async function benchRuntime(b: BenchDb, demoScale: number | null, opts: { clock?: Clock } = {}): Promise<Runtime> {
  const config = loadConfig(
    {},
    {
      logLevel: 'silent',
      dataDir: 'memory://',
      databaseUrl: b.url,
      seedOnEmpty: false,
      jobsEnabled: false,
      webDist: path.join(import.meta.dirname, 'no-web-dist'),
    },
  );
  const runtime = await createRuntime(config, { db: b.db, ...(opts.clock ? { clock: opts.clock } : {}) });
  try {
    if (demoScale !== null)
      await seedDemo(runtime.db, opts.clock ?? systemClock, runtime.crypto, { scale: demoScale, seed: 2026 });
    // After a bulk load autovacuum analyzes within a minute or so; do it now so plans are the steady-state ones.
    await sql`analyze`.execute(runtime.db.db);
    return runtime;
  } catch (err) {
    await runtime.close();
    throw err;
  }
}

const PASSWORD = 'Bench-grid-2026!';

/**
 * A county leader (read-only, no second factor) signed in through /api/v1/auth/login, the way the
 * web app does it; returns the headers to send with each request.
 */
export async function signIn(runtime: Runtime): Promise<Record<string, string>> {
  const county = await runtime.db.db
    .selectFrom('unit')
    .select('id')
    .where('kind', '=', 'county')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return (await signInAs(runtime, 'countyLeader', county.id)).headers;
}

let users = 0;

/**
 * A new user with one role at a unit (a role without a second factor), signed in through
 * /api/v1/auth/login. `headers` carry the session cookie and, for writes, the CSRF token.
 */
export async function signInAs(
  runtime: Runtime,
  role: UserRoleName,
  unitId: number,
  opts: { departmentId?: number } = {},
): Promise<{ userId: number; headers: Record<string, string> }> {
  const db = runtime.db.db;
  const now = runtime.clock.now();
  const username = `bench${role.toLowerCase()}${unitId}x${++users}${randomBytes(3).toString('hex')}`;
  const user = await db
    .insertInto('user_account')
    .values({
      username,
      display_name: username,
      unit_id: unitId,
      password_hash: await hashPassword(PASSWORD),
      must_change_password: false,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grant')
    .values({
      user_id: user.id,
      role,
      unit_id: unitId,
      department_id: opts.departmentId ?? null,
      granted_by: null,
      granted_at: now,
    })
    .execute();
  const res = await runtime.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const body = res.json<{ csrfToken: string; stage: string }>();
  if (body.stage !== 'active') throw new Error(`sign-in of ${role}: stage ${body.stage}`);
  return {
    userId: user.id,
    headers: { cookie: String(res.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': body.csrfToken },
  };
}

/**
 * The project's whole server (createRuntime: migrations, pg-boss, Fastify app) on a benchmark
 * database with the demo county loaded, and a signed-in user. Quiet logs, no job workers, no web bundle.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../apps/server/src/config.ts';
import { systemClock } from '../../apps/server/src/lib/clock.ts';
import { createRuntime, type Runtime } from '../../apps/server/src/main.ts';
import { hashPassword } from '../../apps/server/src/modules/auth/passwords.ts';
import { seedDemo } from '../../apps/server/src/modules/demo/demo.seed.ts';
import type { BenchDb } from './db.ts';

/** The server with the demo county loaded at `demoScale` (null: the database has it already), then ANALYZEd. */
export async function benchRuntime(b: BenchDb, demoScale: number | null): Promise<Runtime> {
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
  const runtime = await createRuntime(config, { db: b.db });
  try {
    if (demoScale !== null) await seedDemo(runtime.db, systemClock, runtime.crypto, { scale: demoScale, seed: 2026 });
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
  const db = runtime.db.db;
  const county = await db.selectFrom('unit').select('id').where('kind', '=', 'county').orderBy('id').executeTakeFirstOrThrow();
  const now = new Date();
  const username = `bench${county.id}`;
  const user = await db
    .insertInto('user_account')
    .values({
      username,
      display_name: username,
      unit_id: county.id,
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
      role: 'countyLeader',
      unit_id: county.id,
      department_id: null,
      granted_by: null,
      granted_at: now,
    })
    .execute();
  const res = await runtime.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return { cookie: String(res.headers['set-cookie']).split(';')[0]! };
}

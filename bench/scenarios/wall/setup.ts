/**
 * The wall scenario's server: the browser tests' test server (e2e/support/server.ts: the built web
 * app, the demo county, a ManualClock) on PostgreSQL when the bench has one (a fresh database, as
 * TEST_DATABASE_URL gives the browser tests), else PGlite, with a year of demo tickets; and the
 * units the wall rotates through.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { repoRoot } from '../../../apps/server/src/config.ts';
import { demoTicketCount, seedDemoTickets } from '../../../apps/server/src/modules/demo/tickets.seed.ts';
import { startTestServer, type TestServer } from '../../../e2e/support/server.ts';
import { pendingCleanups } from '../../lib/db.ts';
import type { Ctx } from '../../lib/types.ts';

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** The page measured is the built app: build it first when its sources are newer (as `npm start` does). */
export function ensureWebBuild(ctx: Ctx): void {
  const built = path.join(repoRoot, 'apps/web/dist/index.html');
  const sources = Math.max(newest(path.join(repoRoot, 'apps/web')), newest(path.join(repoRoot, 'packages/contracts')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  ctx.log('building the web app (its sources are newer than apps/web/dist)');
  const res = spawnSync('npm', ['run', '-s', 'build', '-w', '@wangge/web'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (res.status !== 0) throw new Error(`web build failed (exit ${res.status})`);
}

/** The test server on PostgreSQL (ctx.pgUrl) or PGlite, with the demo county and a year of tickets. */
export async function wallServer(
  ctx: Ctx,
  demoScale: number,
): Promise<{ server: TestServer; label: string; close(): Promise<void> }> {
  const before = process.env.TEST_DATABASE_URL;
  if (ctx.pgUrl) process.env.TEST_DATABASE_URL = ctx.pgUrl;
  else delete process.env.TEST_DATABASE_URL;
  let server: TestServer;
  try {
    server = await startTestServer({ demoScale });
  } finally {
    if (before === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = before;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    pendingCleanups.delete(close);
    await server.close();
  };
  pendingCleanups.add(close); // Ctrl-C drops the PostgreSQL database too
  try {
    const { db, services } = server.runtime;
    await services.categories.ensureDefaults();
    const cal = await services.calendar.current();
    const seeded = await seedDemoTickets(db, server.clock, cal, services.categories, {
      count: demoTicketCount(demoScale),
      days: 365,
      seed: 2026,
      timeline: false,
    });
    await services.supervision.sweep();
    await sql`analyze`.execute(db.db);
    ctx.log(`${ctx.pgUrl ? 'PostgreSQL' : 'PGlite'}: demo county at scale ${demoScale}, ${seeded.tickets} tickets over a year`);
  } catch (err) {
    await close();
    throw err;
  }
  return { server, label: ctx.pgUrl ? 'PostgreSQL' : 'PGlite', close };
}

export interface WallUnits {
  county: number;
  /** The wall's rotation: the county, townships, and a village of the first (its map draws ticket dots). */
  rotation: number[];
  /** Where the reports are placed: the active grids of those townships. */
  grids: number[];
}

export async function wallUnits(server: TestServer, townships: number): Promise<WallUnits> {
  const db = server.runtime.db.db;
  const county = await db.selectFrom('unit').select('id').where('kind', '=', 'county').orderBy('id').executeTakeFirstOrThrow();
  const mapped = (kind: string, within?: string) => {
    let q = db
      .selectFrom('unit')
      .select(['id', 'path'])
      .where('kind', '=', kind)
      .where('status', '=', 'active')
      .where('geometry', 'is not', null);
    if (within) q = q.where(sql<boolean>`path <@ ${within}::ltree`);
    return q.orderBy('id');
  };
  const towns = await mapped('township').limit(townships).execute();
  if (towns.length === 0) throw new Error('no township with a polygon in the demo county');
  const village = await mapped('village', towns[0]!.path).executeTakeFirst();
  const grids = await db
    .selectFrom('unit')
    .select('id')
    .where('kind', '=', 'grid')
    .where('status', '=', 'active')
    .where(sql<boolean>`path <@ array[${sql.join(towns.map((t) => sql`${t.path}::ltree`))}]`)
    .execute();
  return {
    county: county.id,
    rotation: [county.id, ...towns.map((t) => t.id), ...(village ? [village.id] : [])],
    grids: grids.map((g) => g.id),
  };
}

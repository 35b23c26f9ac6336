/**
 * access (issue 4): what authentication + the scope check cost per request, and what the audit
 * write costs a write route.
 * - The figure: a light route that reads one unit and checks it lies in the caller's area
 *   (`access.requireUnit`), signed in, vs its public twin that reads the same unit; the overhead is
 *   the difference in time per request (1/throughput), the median over alternating chunk pairs. A
 *   light route keeps the machine's noise smaller than the 0.3 ms being judged.
 * - For context: GET /api/v1/units/:id (several statements) signed in vs the same service call on a
 *   public twin.
 * - POST /api/v1/households (a write with its audit record in the same transaction) vs a twin
 *   route whose service writes no audit record: the median of the chunk pairs' throughput ratios.
 */
import { Type } from 'typebox';
import { systemActor } from '../../apps/server/src/modules/access/actor.ts';
import type { AuditService } from '../../apps/server/src/modules/audit/audit.service.ts';
import { hashPassword } from '../../apps/server/src/modules/auth/passwords.ts';
import { HouseholdsService } from '../../apps/server/src/modules/households/households.service.ts';
import type { Runtime } from '../../apps/server/src/main.ts';
import { databases } from '../lib/db.ts';
import { loadPair, percentile, type LoadResult } from '../lib/measure.ts';
import { Permission } from '@wangge/contracts';
import { unitsRepo } from '../../apps/server/src/modules/units/units.repo.ts';
import { benchRuntime } from '../lib/runtime.ts';
import { row, type Ctx, type Row, type Scenario } from '../lib/types.ts';

const LOAD = { seconds: 6, connections: 10, chunks: 3 };
/** The judged figures: 10 pairs of 1-second chunks. */
const PAIRS_LOAD = { seconds: 10, connections: 10, chunks: 10 };

/** Time per request added by `a` over its twin `b`: the median of the chunk pairs' differences. */
const addedMs = (a: LoadResult, b: LoadResult) =>
  percentile(
    a.chunkRps.map((rps, k) => 1000 / rps - 1000 / b.chunkRps[k]!),
    50,
  );

/** A grid worker at the county (writes households, no second factor): cookie and CSRF token. */
async function writer(runtime: Runtime): Promise<Record<string, string>> {
  const db = runtime.db.db;
  const county = await db.selectFrom('unit').select('id').where('kind', '=', 'county').orderBy('id').executeTakeFirstOrThrow();
  const password = 'Bench-write-2026!';
  const user = await db
    .insertInto('user_account')
    .values({
      username: 'benchwriter',
      display_name: 'bench',
      unit_id: county.id,
      password_hash: await hashPassword(password),
      must_change_password: false,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grant')
    .values({ user_id: user.id, role: 'gridWorker', unit_id: county.id, granted_by: null, granted_at: new Date() })
    .execute();
  const res = await runtime.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'benchwriter', password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.body}`);
  return {
    cookie: String(res.headers['set-cookie']).split(';')[0]!,
    'x-csrf-token': res.json().csrfToken,
    'content-type': 'application/json',
  };
}

export const access: Scenario = {
  name: 'access',
  description: 'authentication + scope check per request; audit write vs none on a write route',
  async run(ctx: Ctx) {
    const out: Row[] = [];
    for await (const b of databases(ctx.pgUrl)) {
      try {
        ctx.log(`${b.label}: server with the demo county at scale 0.02`);
        const runtime = await benchRuntime(b, 0.02);
        try {
          const { units, access: accessService } = runtime.services;
          const noAudit = { record: async () => {} } as unknown as AuditService;
          const householdsNoAudit = new HouseholdsService(runtime.db, runtime.clock, accessService, noAudit);
          // Twins registered before the app is ready: same work, without sign-in (and without audit).
          runtime.app.get(
            '/bench/units/:id',
            { config: { access: 'public' }, schema: { params: Type.Object({ id: Type.Integer() }) } },
            (req) => units.detail(systemActor, (req.params as { id: number }).id),
          );
          // The light pair: signed in with the scope check, and public, both reading the same unit.
          runtime.app.get(
            '/bench/scoped/:id',
            { config: { access: Permission.UnitsRead }, schema: { params: Type.Object({ id: Type.Integer() }) } },
            async (req) => {
              await accessService.requireUnit(req.actor, Permission.UnitsRead, (req.params as { id: number }).id);
              return { ok: true };
            },
          );
          runtime.app.get(
            '/bench/open/:id',
            { config: { access: 'public' }, schema: { params: Type.Object({ id: Type.Integer() }) } },
            async (req) => ({ ok: (await unitsRepo.findById(runtime.db.db, (req.params as { id: number }).id)) !== undefined }),
          );
          runtime.app.post('/bench/households', { config: { access: 'public' } }, (req) =>
            householdsNoAudit.create(systemActor, req.body as never),
          );
          const headers = await writer(runtime);
          const grid = await runtime.db.db
            .selectFrom('unit')
            .select('id')
            .where('kind', '=', 'grid')
            .orderBy('id')
            .executeTakeFirstOrThrow();
          const group = await runtime.db.db
            .selectFrom('unit')
            .select('id')
            .where('kind', '=', 'householdGroup')
            .orderBy('id')
            .executeTakeFirstOrThrow();

          ctx.log(
            `${b.label}: a unit read with the scope check, signed in, vs its public twin: ${PAIRS_LOAD.chunks} chunk pairs`,
          );
          const [scoped, bare] = await loadPair(
            { app: runtime.app, paths: [`/bench/scoped/${grid.id}`], headers },
            { app: runtime.app, paths: [`/bench/open/${grid.id}`] },
            PAIRS_LOAD,
          );
          const overhead = addedMs(scoped, bare);
          ctx.log(
            `${b.label}: per chunk pair, ms added: ${scoped.chunkRps.map((rps, k) => (1000 / rps - 1000 / bare.chunkRps[k]!).toFixed(3)).join(', ')}`,
          );
          out.push(
            row(
              `${b.label}: auth + scope check per request (median of ${PAIRS_LOAD.chunks} chunk pairs)`,
              Math.max(0, overhead),
              'ms',
              { label: 'the same unit read, public (ms/request)', value: 1000 / bare.rps },
              { text: '≤ 0.3 ms', pass: overhead <= 0.3 },
            ),
          );

          ctx.log(`${b.label}: GET /api/v1/units/:id signed in vs the public twin`);
          const [authed, open] = await loadPair(
            { app: runtime.app, paths: [`/api/v1/units/${grid.id}`], headers },
            { app: runtime.app, paths: [`/bench/units/${grid.id}`] },
            LOAD,
          );
          out.push(
            row(
              `${b.label}: GET /api/v1/units/:id signed in (ms added: ${addedMs(authed, open).toFixed(3)})`,
              authed.rps,
              'req/s',
              {
                label: 'public twin',
                value: open.rps,
              },
            ),
          );

          ctx.log(`${b.label}: POST /api/v1/households with audit vs without`);
          const body = JSON.stringify({ unitId: group.id, address: '压测路1号', headName: '压测' });
          const post = (path: string, h: Record<string, string>) => ({
            app: runtime.app,
            paths: [path],
            headers: h,
            method: 'POST',
            body,
          });
          const [withAudit, without] = await loadPair(
            post('/api/v1/households', headers) as never,
            post('/bench/households', { 'content-type': 'application/json' }) as never,
            PAIRS_LOAD,
          );
          // The median of the chunk pairs' ratios: one noisy second does not decide it.
          const share = percentile(
            withAudit.chunkRps.map((rps, k) => rps / without.chunkRps[k]!),
            50,
          );
          ctx.log(
            `${b.label}: with/without audit per chunk pair: ${withAudit.chunkRps.map((rps, k) => (rps / without.chunkRps[k]!).toFixed(2)).join(', ')}`,
          );
          out.push(
            row(
              `${b.label}: write route with its audit record (median ratio of ${PAIRS_LOAD.chunks} chunk pairs: ×${share.toFixed(2)})`,
              withAudit.rps,
              'req/s',
              { label: 'same write without audit', value: without.rps },
              { text: '≥ 80 % of it', pass: share >= 0.8 },
            ),
          );
        } finally {
          await runtime.close();
        }
      } finally {
        await b.cleanup();
      }
    }
    return out;
  },
};

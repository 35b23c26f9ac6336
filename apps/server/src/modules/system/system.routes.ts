/**
 * Liveness (/healthz), readiness (/readyz: database answers and every migration is applied)
 * and build information.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse, ReadinessResponse, SystemInfoResponse } from '@wangge/contracts';
import { sql } from 'kysely';
import { pendingMigrations } from '../../db/migrate.ts';
import { version } from '../../http/version.ts';

export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: HealthResponse } } },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: ReadinessResponse, 503: ReadinessResponse } } },
    async (_req, reply) => {
      let database = false;
      let migrations = false;
      try {
        await sql`select 1`.execute(db.db);
        database = true;
        migrations = (await pendingMigrations(db)).length === 0;
      } catch {
        // Reported as not ready below; the probe itself must never fail.
      }
      const ready = database && migrations;
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: { database, migrations } });
    },
  );

  app.get(
    '/api/v1/system/info',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: SystemInfoResponse } } },
    async () => ({
      name: 'wangge',
      version,
      database: db.kind,
      serverTime: clock.now().toISOString(),
      mapTileUrl: app.deps.config.mapTileUrl ?? null,
    }),
  );
};

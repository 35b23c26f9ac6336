/**
 * OpenAPI 3.1 generated from the route schemas (which come from @wangge/contracts):
 * the document at /api/openapi.json, a browsable page at /api/docs.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { version } from './version.ts';

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wangge API',
        description: '网格化服务管理信息系统 — errors are RFC 9457 problem+json with a stable `code`.',
        version,
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

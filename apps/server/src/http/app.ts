/**
 * The HTTP application: Fastify with TypeBox schemas from @wangge/contracts, problem+json errors,
 * request ids, security headers, OpenAPI, module routes and (when built) the web app.
 * Every route is a readable pipeline: validate → (auth, from the access module) → service → reply.
 */
import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorCode } from '@wangge/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Clock } from '../lib/clock.ts';
import { loggerOptions } from '../lib/logger.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { calendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { filesRoutes } from '../modules/files/files.routes.ts';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.ts';
import { ticketEventsRoutes } from '../modules/tickets/events.routes.ts';
import { supervisionRoutes } from '../modules/tickets/supervision.routes.ts';
import { ticketsRoutes } from '../modules/tickets/tickets.routes.ts';
import { householdsRoutes } from '../modules/households/households.routes.ts';
import { usersRoutes } from '../modules/users/users.routes.ts';
import { importRoutes } from '../modules/imports/import.routes.ts';
import { peopleRoutes } from '../modules/people/people.routes.ts';
import { placesRoutes } from '../modules/places/places.routes.ts';
import { registerAuth } from './auth.ts';
import { staffRoutes } from '../modules/staff/staff.routes.ts';
import { systemRoutes } from '../modules/system/system.routes.ts';
import { unitsRoutes } from '../modules/units/units.routes.ts';
import type { Services } from '../services.ts';
import { registerOpenApi } from './openapi.ts';
import { frameworkError, registerProblemHandlers, sendProblem } from './problem.ts';
import { registerTextCheck } from './text.ts';
import { ajvOptions, schemaController } from './validation.ts';
import { registerWebApp } from './web.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  services: Services;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    services: Services;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function tileOrigin(url: string | undefined): string[] {
  if (!url || url.startsWith('/')) return [];
  return [new URL(url.replace(/[{}]/g, '')).origin];
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel),
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: ajvOptions,
    schemaController: schemaController(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: frameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('services', deps.services);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });

  registerProblemHandlers(app);
  registerTextCheck(app);
  // Security headers, by helmet's middleware built once. (@fastify/helmet builds helmet's
  // middlewares anew on every request, parsing the CSP directives each time: 3 % of the server's
  // main thread under intake's load.)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // A configured base-map tile server must be allowed to serve images, or the map stays blank.
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigin(deps.config.mapTileUrl)],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  await registerOpenApi(app);
  await registerAuth(app, deps.config.cookieSecure);

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(unitsRoutes);
  await app.register(staffRoutes);
  await app.register(householdsRoutes);
  await app.register(peopleRoutes);
  await app.register(importRoutes({ base: '/api/v1/people', tag: 'people', service: (s) => s.peopleImport }));
  await app.register(placesRoutes);
  await app.register(importRoutes({ base: '/api/v1/houses', tag: 'places', service: (s) => s.houseImport }));
  await app.register(filesRoutes);
  await app.register(ticketsRoutes);
  await app.register(supervisionRoutes);
  await app.register(ticketEventsRoutes);
  await app.register(dashboardRoutes);

  await registerWebApp(app, deps.config.webDist);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 404, ErrorCode.RouteNotFound, `No route ${request.method} ${request.url.split('?')[0]}`),
  );
  return app;
}

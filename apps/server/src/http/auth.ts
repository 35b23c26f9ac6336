/**
 * Authentication and the permission gate, for every route in one place. Each route declares
 * `config.access`: 'public', 'session' (any signed-in session, even one still finishing sign-in),
 * or the permission it needs. A route under /api without a declaration stops the server at start,
 * so a new endpoint cannot forget it. Writes with a session must carry its CSRF token.
 * The service then checks the specific target (unit subtree) with AccessService.require*.
 */
import cookie from '@fastify/cookie';
import { ErrorCode, type Permission } from '@wangge/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { Actor } from '../modules/access/actor.ts';
import type { SessionRow } from '../modules/auth/auth.repo.ts';
import type { RequestMeta } from '../modules/auth/auth.service.ts';

export type RouteAccess = 'public' | 'session' | Permission | { any: Permission[] };
export const SESSION_COOKIE = 'wg_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
    session: SessionRow | null;
  }
}

const exempt = (url: string) => url === '/api/openapi.json' || url.startsWith('/api/docs');
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requestMeta(req: FastifyRequest): RequestMeta {
  return { ip: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null, requestId: String(req.id) };
}

export async function registerAuth(app: FastifyInstance, cookieSecure: boolean) {
  await app.register(cookie);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);

  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api') || exempt(url)) return;
    if (!route.config?.access) throw new Error(`Route ${String(route.method)} ${url} declares no config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url, access: route.config.access });
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    const meta = requestMeta(req);
    req.actor = { userId: null, username: 'anonymous', sessionId: null, grants: [], ip: meta.ip, requestId: meta.requestId };
    if (!access || access === 'public') return;
    const secret = req.cookies[SESSION_COOKIE];
    if (!secret) throw AppError.unauthenticated();
    const { session, user, grants } = await app.services.auth.authenticate(secret);
    req.session = session;
    req.actor = {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      sessionId: session.id,
      grants:
        session.stage === 'active'
          ? grants.map((g) => ({
              id: g.id,
              role: g.role as never,
              unitId: g.unit_id,
              unitPath: g.path,
              departmentId: g.department_id,
            }))
          : [],
      ip: meta.ip,
      requestId: meta.requestId,
    };
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== session.csrf_token) {
      throw new AppError(403, ErrorCode.CsrfFailed, 'Missing or wrong X-CSRF-Token header');
    }
    if (access === 'session') return;
    if (session.stage !== 'active')
      throw new AppError(403, ErrorCode.SignInIncomplete, `Finish signing in first (${session.stage})`);
    const needed = typeof access === 'object' ? access.any : [access];
    if (!needed.some((p) => app.services.access.can(req.actor, p))) await app.services.access.requireAny(req.actor, needed[0]!);
  });

  app.decorate('sessionCookie', (secret: string) => ({
    name: SESSION_COOKIE,
    value: secret,
    options: { httpOnly: true, sameSite: 'strict' as const, secure: cookieSecure, path: '/' },
  }));
}

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared access (the access-matrix test walks it). */
    routeTable: RouteEntry[];
    sessionCookie(secret: string): {
      name: string;
      value: string;
      options: { httpOnly: boolean; sameSite: 'strict'; secure: boolean; path: string };
    };
  }
}

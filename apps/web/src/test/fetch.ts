/**
 * Fakes the network boundary for component tests: `fetch` answers by path. A path without a
 * handler fails like an unreachable server, so a test never silently depends on a real one.
 */
import { vi } from 'vitest';
import { Permission, type Me } from '@wangge/contracts';

export interface FakeRequest {
  url: URL;
  init: RequestInit | undefined;
}
export type FetchHandler = (request: FakeRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { type: 'about:blank', title: code, status, code, ...extra }, 'application/problem+json');
}

export const networkDown: FetchHandler = () => {
  throw new TypeError('Failed to fetch');
};

export function stubFetch(handlers: Record<string, FetchHandler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    // Not a Request object: jsdom's AbortSignal is not the one Node's Request accepts.
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
    const handler = handlers[url.pathname] ?? networkDown;
    return handler({ url, init });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export const readyAnswer = { status: 'ready', checks: { database: true, migrations: true } } as const;
export const systemInfoAnswer = {
  name: 'wangge',
  version: '0.1.0',
  database: 'pglite',
  serverTime: '2026-03-02T08:00:00.000Z',
  mapTileUrl: null,
} as const;

/**
 * Signed in, finished signing in, with every permission somewhere (so the whole menu shows) but no
 * grant at any unit (so nothing is editable). Tests about rights answer /api/v1/auth/me themselves.
 */
export const signedInAnswer: Me = {
  user: { id: 1, username: 'tester', displayName: '测试用户', totpEnabled: false },
  stage: 'active',
  grants: [],
  permissions: Object.values(Permission),
  csrfToken: 'csrf-default',
  sessionExpiresAt: '2026-03-02T08:30:00.000Z',
};

/** A healthy server and a signed-in user, for tests about something else. */
export function stubHealthyServer(extra: Record<string, FetchHandler> = {}) {
  return stubFetch({
    '/readyz': () => json(200, readyAnswer),
    '/api/v1/system/info': () => json(200, systemInfoAnswer),
    '/api/v1/auth/me': () => json(200, signedInAnswer),
    ...extra,
  });
}

import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime({ bodyLimit: 2048 });
  // A route defined the way every module defines them, to probe the framework's error paths.
  rt.app.post(
    '/api/v1/probe',
    {
      config: { access: 'public' },
      schema: {
        body: Type.Object(
          { name: Type.String({ minLength: 1 }), count: Type.Integer({ minimum: 0 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => req.body,
  );
  rt.app.get(
    '/api/v1/probe',
    {
      config: { access: 'public' },
      schema: { querystring: Type.Object({ count: Type.Integer(), tags: Type.Optional(Type.Array(Type.String())) }) },
    },
    async (req) => req.query,
  );
  rt.app.get('/api/v1/boom', { config: { access: 'public' } }, async () => {
    throw new Error('secret internals at /work/main/x.ts:12');
  });
});
afterAll(() => rt.close());

const json = { 'content-type': 'application/json' };

describe('HTTP foundation', () => {
  it('answers liveness and readiness', async () => {
    expect((await rt.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await rt.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: true, migrations: true } });
  });

  it('reports server time from the injectable clock', async () => {
    rt.clock.set('2026-10-01T00:00:00Z');
    const info = (await rt.app.inject('/api/v1/system/info')).json();
    expect(info.serverTime).toBe('2026-10-01T00:00:00.000Z');
    expect(['pglite', 'postgres']).toContain(info.database);
  });

  it('names the field of a malformed body in a 400 problem+json', async () => {
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: json,
      payload: { name: 'a', count: 'many' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors[0].path).toBe('/body/count');
    expect(body.detail).toContain('/body/count');
  });

  it('takes a JSON body as typed (no coercion) and a query string as text to convert', async () => {
    for (const payload of [
      { name: 'a', count: '12' },
      { name: 5, count: 1 },
      { name: 'a', count: true },
    ]) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/probe', headers: json, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors[0].path).toBe(typeof payload.name === 'string' ? '/body/count' : '/body/name');
    }
    const query = await rt.app.inject('/api/v1/probe?count=20&tags=a');
    expect(query.statusCode).toBe(200);
    expect(query.json()).toEqual({ count: 20, tags: ['a'] });
    expect((await rt.app.inject('/api/v1/probe?count=many')).statusCode).toBe(400);
  });

  it('names a missing field and an unknown one', async () => {
    const missing = await rt.app.inject({ method: 'POST', url: '/api/v1/probe', headers: json, payload: { count: 1 } });
    expect(missing.json().errors[0].path).toBe('/body/name');
    const extra = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: json,
      payload: { name: 'a', count: 1, x: 1 },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].path).toBe('/body/x');
  });

  it('answers invalid JSON, wrong media type and oversized bodies with 4xx', async () => {
    const bad = await rt.app.inject({ method: 'POST', url: '/api/v1/probe', headers: json, payload: '{"name": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed_body');
    const media = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(media.statusCode).toBe(415);
    const big = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: json,
      payload: { name: 'x'.repeat(5000), count: 1 },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
  });

  it('refuses a NUL or a lone surrogate in any field before the handler, naming the field', async () => {
    const nul = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: json,
      payload: '{"name":"a\\u0000b","count":1}',
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: '/body/name' }] });
    const lone = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: json,
      payload: '{"name":"\\ud800","count":1}',
    });
    expect(lone.json().errors[0].path).toBe('/body/name');
    const query = await rt.app.inject('/api/v1/system/info?q=%00');
    expect(query.json().errors[0].path).toBe('/query/q');
  });

  it('answers a URL that is not UTF-8 and an over-long path parameter with problem+json', async () => {
    const bad = await rt.app.inject('/api/v1/units/%ED%A0%80');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json().code).toBe('validation_failed');
    const long = await rt.app.inject(`/api/v1/units/${'9'.repeat(300)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json().code).toBe('validation_failed');
  });

  it('answers unknown routes with a 404 problem, and hides internals of unexpected errors', async () => {
    const nf = await rt.app.inject('/api/v1/nothing-here');
    expect(nf.statusCode).toBe(404);
    expect(nf.json().code).toBe('route_not_found');
    const boom = await rt.app.inject('/api/v1/boom');
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret internals');
    expect(boom.json().requestId).toBe(boom.headers['x-request-id']);
  });

  it('echoes a well-formed request id and sets security headers', async () => {
    const res = await rt.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc12345-test' } });
    expect(res.headers['x-request-id']).toBe('abc12345-test');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const forged = await rt.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(forged.headers['x-request-id']).not.toBe('<script>');
  });

  it('publishes an OpenAPI 3.1 document listing every route with its schemas', async () => {
    const doc = (await rt.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ['/healthz', '/readyz', '/api/v1/system/info', '/api/v1/probe']) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
    expect(doc.paths['/api/v1/probe'].post.requestBody.content['application/json'].schema.required).toEqual(['name', 'count']);
    const docs = await rt.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
  });
});

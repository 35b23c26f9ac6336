import { describe, expect, it } from 'vitest';
import { json, networkDown, problem, stubFetch } from '@/test/fetch.ts';
import { i18n } from '@/shared/i18n/i18n.ts';
import { ApiError, apiErrorFromResponse, formFieldErrors } from './api-error.ts';
import { api, apiRequest, setCsrfToken } from './client.ts';
import { errorMessage } from './error-message.ts';

describe('apiErrorFromResponse', () => {
  it('carries status, code, detail, request id and field errors of a problem+json body', async () => {
    const response = problem(422, 'validation_failed', {
      title: 'Validation failed',
      detail: 'body/name must NOT have fewer than 1 characters',
      instance: '/api/v1/units',
      requestId: 'req-42',
      errors: [
        { path: '/body/name', message: 'must NOT have fewer than 1 characters' },
        { path: '/body/code', message: 'must match pattern "^[0-9]{12}$"' },
      ],
    });

    const error = await apiErrorFromResponse(response);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      title: 'Validation failed',
      detail: 'body/name must NOT have fewer than 1 characters',
      instance: '/api/v1/units',
      requestId: 'req-42',
    });
    expect(error.fieldErrors).toEqual([
      { path: '/body/name', message: 'must NOT have fewer than 1 characters' },
      { path: '/body/code', message: 'must match pattern "^[0-9]{12}$"' },
    ]);
  });

  it('drops malformed field errors instead of failing', async () => {
    const error = await apiErrorFromResponse(
      problem(400, 'validation_failed', { errors: [{ path: '/body/a', message: 'bad' }, { nope: 1 }, 'x'] }),
    );
    expect(error.fieldErrors).toEqual([{ path: '/body/a', message: 'bad' }]);
  });

  it('turns a non-problem answer (a proxy error page) into unexpected_response with the status', async () => {
    const response = new Response('<html>Bad Gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    });

    const error = await apiErrorFromResponse(response);

    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected_response');
    expect(error.title).toBe('Bad Gateway');
    expect(error.fieldErrors).toEqual([]);
  });
});

describe('apiRequest', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetchMock = stubFetch({ '/api/v1/things': () => json(201, { id: 't1' }) });

    const result = await api.post<{ id: string }>('/api/v1/things', { name: '网格一' });

    expect(result).toEqual({ id: 't1' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"name":"网格一"}' });
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it("sends the session's CSRF token with writes and not with reads", async () => {
    const fetchMock = stubFetch({ '/api/v1/things': () => json(200, {}) });
    setCsrfToken('tok-1');
    try {
      await api.get('/api/v1/things');
      await api.post('/api/v1/things', {});
    } finally {
      setCsrfToken(null);
    }
    expect(fetchMock.mock.calls[0]?.[1]?.headers).not.toHaveProperty('X-CSRF-Token');
    expect(fetchMock.mock.calls[1]?.[1]?.headers).toMatchObject({ 'X-CSRF-Token': 'tok-1' });
  });

  it('sends FormData as multipart, with the CSRF token and without a JSON content type', async () => {
    const fetchMock = stubFetch({ '/api/v1/uploads': () => json(202, { id: 1 }) });
    const form = new FormData();
    form.append('mode', 'insert');
    setCsrfToken('tok-2');
    try {
      await api.post('/api/v1/uploads', form);
    } finally {
      setCsrfToken(null);
    }
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe(form);
    expect(init?.headers).toMatchObject({ 'X-CSRF-Token': 'tok-2' });
    expect(init?.headers).not.toHaveProperty('Content-Type');
  });

  it('adds query parameters, skipping empty ones', async () => {
    const fetchMock = stubFetch({ '/api/v1/things': () => json(200, []) });
    await api.get('/api/v1/things', { query: { unitId: 'u1', page: 2, q: undefined, status: null } });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/things?unitId=u1&page=2');
  });

  it('throws ApiError from a problem+json failure', async () => {
    stubFetch({ '/api/v1/things': () => problem(403, 'forbidden', { detail: 'outside your units' }) });
    await expect(api.get('/api/v1/things')).rejects.toMatchObject({
      name: 'ApiError',
      status: 403,
      code: 'forbidden',
      detail: 'outside your units',
    });
  });

  it('reports an unreachable server as network_error with status 0', async () => {
    stubFetch({ '/api/v1/things': networkDown });
    const error = await api.get('/api/v1/things').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'network_error', isNetworkError: true });
  });

  it('treats a listed non-2xx status as an answer', async () => {
    stubFetch({ '/readyz': () => json(503, { status: 'not_ready' }) });
    await expect(apiRequest('/readyz', { acceptStatuses: [503] })).resolves.toEqual({ status: 'not_ready' });
  });

  it('returns undefined for 204 No Content', async () => {
    stubFetch({ '/api/v1/things/t1': () => new Response(null, { status: 204 }) });
    await expect(api.delete('/api/v1/things/t1')).resolves.toBeUndefined();
  });
});

describe('formFieldErrors', () => {
  it('maps JSON pointers into the body to antd form field names, grouping messages', () => {
    const error = new ApiError({
      status: 422,
      code: 'validation_failed',
      title: 'Validation failed',
      fieldErrors: [
        { path: '/body/households/0/idNumber', message: 'invalid check digit' },
        { path: '/body/name', message: 'required' },
        { path: '/body/name', message: 'too short' },
        { path: '/body/a~1b', message: 'odd key' },
      ],
    });
    expect(formFieldErrors(error)).toEqual([
      { name: ['households', 0, 'idNumber'], errors: ['invalid check digit'] },
      { name: ['name'], errors: ['required', 'too short'] },
      { name: ['a/b'], errors: ['odd key'] },
    ]);
  });
});

describe('errorMessage', () => {
  it('shows the translated text for a known code in the current language', async () => {
    const error = new ApiError({ status: 409, code: 'conflict', title: 'Conflict', detail: 'version 3 != 4' });
    expect(errorMessage(error)).toBe('数据已被他人修改，请刷新后重试');
    await i18n.changeLanguage('en');
    expect(errorMessage(error)).toBe('Someone else changed this record. Refresh and try again.');
  });

  it("falls back to the server's detail for a code this build does not know", () => {
    const error = new ApiError({ status: 422, code: 'deadline_in_past', title: 'x', detail: '时限早于受理时间' });
    expect(errorMessage(error)).toBe('时限早于受理时间');
  });

  it('adds the request id to server faults so support can find the log line', () => {
    const error = new ApiError({ status: 500, code: 'internal_error', title: 'x', requestId: 'req-7' });
    expect(errorMessage(error)).toBe('服务器内部错误，请联系管理员 (请求编号 req-7)');
  });

  it('uses a generic text for errors that are not ApiError', () => {
    expect(errorMessage(new Error('boom'))).toBe('操作失败，请稍后重试');
  });
});

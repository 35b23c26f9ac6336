import { fireEvent, render, screen } from '@testing-library/react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppProviders } from '@/app/providers.tsx';
import { routes } from '@/app/router.tsx';
import { json, problem, signedInAnswer, stubHealthyServer, type FakeRequest } from '@/test/fetch.ts';

/** The real app, with a handle on its query cache. */
function renderAppWithCache(path: string) {
  const client: { current?: QueryClient } = {};
  function CacheProbe() {
    client.current = useQueryClient();
    return null;
  }
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders>
      <CacheProbe />
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, queryClient: () => client.current! };
}

describe('signing out', { timeout: 20_000 }, () => {
  beforeAll(() => import('./LoginPage.tsx'), 60_000);

  it('ends the session on the server, then forgets everything the page held and shows the login page', async () => {
    let signedIn = true;
    const logouts: FakeRequest[] = [];
    stubHealthyServer({
      '/api/v1/auth/me': () => (signedIn ? json(200, signedInAnswer) : problem(401, 'unauthenticated')),
      '/api/v1/auth/logout': (request) => {
        logouts.push(request);
        signedIn = false;
        return new Response(null, { status: 204 });
      },
    });
    const { router, queryClient } = renderAppWithCache('/');
    expect(await screen.findByText('版本 0.1.0')).toBeTruthy();
    // Before: the cache holds the user and the page's data.
    expect(
      JSON.stringify(
        queryClient()
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).toContain('测试用户');

    fireEvent.click(screen.getByRole('button', { name: '用户菜单' }));
    fireEvent.click(await screen.findByText('退出登录'));

    expect(await screen.findByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(logouts).toHaveLength(1);
    expect((logouts[0]?.init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-default');
    // After: only "nobody is signed in" is left; no query or mutation of the session survives.
    const left = queryClient().getQueryCache().getAll();
    expect(left.map((q) => q.queryKey)).toEqual([['auth', 'me']]);
    expect(left[0]?.state.data).toBeNull();
    expect(queryClient().getMutationCache().getAll()).toHaveLength(0);
    expect(sessionStorage.length).toBe(0);
    expect(Object.keys(localStorage).filter((k) => k !== 'wangge.lang')).toEqual([]);
  });
});

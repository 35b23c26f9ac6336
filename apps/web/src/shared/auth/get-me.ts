/**
 * The signed-in user: their role grants (each a role at a unit, valid in its subtree) and the
 * session's CSRF token, which the API client then sends with every write.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '@wangge/contracts';
import { api, isApiError, setCsrfToken } from '@/shared/api/client.ts';

/** `null` when nobody is signed in (401): an answer, not a failure. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/v1/auth/me', { signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: ({ signal }) => getMe(signal),
    // Grants change rarely; a sign-in or sign-out replaces this entry.
    staleTime: 5 * 60_000,
    retry: false,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}

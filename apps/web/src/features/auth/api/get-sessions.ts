/** My open sessions (this browser and any other), for the account page. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getSessions(signal?: AbortSignal): Promise<SessionInfo[]> {
  return api.get<SessionInfo[]>('/api/v1/auth/sessions', { signal });
}

export const sessionsQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'sessions'],
    queryFn: ({ signal }) => getSessions(signal),
    staleTime: 0,
  });

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

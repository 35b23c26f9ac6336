/** One account with its active grants, for the grants panel. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserAccount } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getUser(id: number, signal?: AbortSignal): Promise<UserAccount> {
  return api.get<UserAccount>(`/api/v1/users/${id}`, { signal });
}

export const userQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['admin', 'users', 'detail', id],
    queryFn: ({ signal }) => getUser(id, signal),
  });

export function useUser(id: number | null) {
  return useQuery({ ...userQueryOptions(id ?? 0), enabled: id !== null });
}

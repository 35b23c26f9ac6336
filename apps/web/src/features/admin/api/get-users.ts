/** User accounts in the administrator's scope: search by username or name, optionally within a unit. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, UserAccount } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export interface UserListParams {
  q?: string | undefined;
  within?: number | undefined;
  limit: number;
  offset: number;
}

export function getUsers(params: UserListParams, signal?: AbortSignal): Promise<PageOf<UserAccount>> {
  return api.get<PageOf<UserAccount>>('/api/v1/users', {
    signal,
    query: { q: params.q || undefined, within: params.within, limit: params.limit, offset: params.offset },
  });
}

export const usersQueryOptions = (params: UserListParams) =>
  queryOptions({
    queryKey: ['admin', 'users', 'list', params],
    queryFn: ({ signal }) => getUsers(params, signal),
    // Paging and typing keep the table in place instead of flashing empty.
    placeholderData: keepPreviousData,
  });

export function useUsers(params: UserListParams) {
  return useQuery(usersQueryOptions(params));
}

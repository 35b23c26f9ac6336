/** The latest 50 imports in the user's units, newest first. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImportJob } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getRecentImports(signal?: AbortSignal): Promise<ImportJob[]> {
  return api.get<ImportJob[]>('/api/v1/people/imports', { signal });
}

export const recentImportsQueryOptions = () =>
  queryOptions({
    queryKey: ['imports', 'recent'],
    queryFn: ({ signal }) => getRecentImports(signal),
  });

export function useRecentImports() {
  return useQuery(recentImportsQueryOptions());
}

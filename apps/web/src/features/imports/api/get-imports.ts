/** The latest 50 imports of a kind in the user's units, newest first. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImportJob, ImportKindName } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';
import { importsUrl } from '../utils/paths.ts';

export function getRecentImports(kind: ImportKindName, signal?: AbortSignal): Promise<ImportJob[]> {
  return api.get<ImportJob[]>(importsUrl(kind), { signal });
}

export const recentImportsQueryOptions = (kind: ImportKindName) =>
  queryOptions({
    queryKey: ['imports', kind, 'recent'],
    queryFn: ({ signal }) => getRecentImports(kind, signal),
  });

export function useRecentImports(kind: ImportKindName) {
  return useQuery(recentImportsQueryOptions(kind));
}

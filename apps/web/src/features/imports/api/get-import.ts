/** One import's progress and counts, polled every second until it is done or has failed. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImportJob, ImportKindName } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';
import { importsUrl } from '../utils/paths.ts';

export const POLL_MS = 1000;

export function isFinished(job: ImportJob | undefined): boolean {
  return job?.status === 'done' || job?.status === 'failed';
}

export function getImport(kind: ImportKindName, id: number, signal?: AbortSignal): Promise<ImportJob> {
  return api.get<ImportJob>(`${importsUrl(kind)}/${id}`, { signal });
}

export const importQueryOptions = (kind: ImportKindName, id: number) =>
  queryOptions({
    queryKey: ['imports', kind, 'job', id],
    queryFn: ({ signal }) => getImport(kind, id, signal),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_MS),
    // A running import is watched even from a background tab: the official comes back to it.
    refetchIntervalInBackground: true,
    staleTime: 0,
  });

export function useImport(kind: ImportKindName, id: number | undefined) {
  return useQuery({ ...importQueryOptions(kind, id ?? 0), enabled: id !== undefined });
}

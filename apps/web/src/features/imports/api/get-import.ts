/** One import's progress and counts, polled every second until it is done or has failed. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImportJob } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export const POLL_MS = 1000;

export function isFinished(job: ImportJob | undefined): boolean {
  return job?.status === 'done' || job?.status === 'failed';
}

export function getImport(id: number, signal?: AbortSignal): Promise<ImportJob> {
  return api.get<ImportJob>(`/api/v1/people/imports/${id}`, { signal });
}

export const importQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['imports', 'job', id],
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_MS),
    // A running import is watched even from a background tab: the official comes back to it.
    refetchIntervalInBackground: true,
    staleTime: 0,
  });

export function useImport(id: number | undefined) {
  return useQuery({ ...importQueryOptions(id ?? 0), enabled: id !== undefined });
}

/** Build and deployment facts shown in the footer: which version, which database kind. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SystemInfoResponse } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getSystemInfo(signal?: AbortSignal): Promise<SystemInfoResponse> {
  return api.get<SystemInfoResponse>('/api/v1/system/info', { signal });
}

export const systemInfoQueryOptions = () =>
  queryOptions({
    queryKey: ['system', 'info'],
    queryFn: ({ signal }) => getSystemInfo(signal),
    // Changes only on deploy; a deploy reloads the page anyway.
    staleTime: Infinity,
  });

export function useSystemInfo() {
  return useQuery(systemInfoQueryOptions());
}

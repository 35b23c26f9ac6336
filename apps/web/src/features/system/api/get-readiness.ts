/**
 * Server readiness, polled for the header's health indicator. /readyz answers 200 when ready and
 * 503 with the same body when not; no answer at all means the server is offline.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReadinessResponse } from '@wangge/contracts';
import { ApiError, ClientErrorCode } from '@/shared/api/api-error.ts';
import { apiRequest } from '@/shared/api/client.ts';

export const READINESS_POLL_MS = 10_000;

function isReadiness(value: unknown): value is ReadinessResponse {
  if (typeof value !== 'object' || value === null) return false;
  const { status, checks } = value as Record<string, unknown>;
  return (status === 'ready' || status === 'not_ready') && typeof checks === 'object' && checks !== null;
}

export async function getReadiness(signal?: AbortSignal): Promise<ReadinessResponse> {
  const body = await apiRequest<unknown>('/readyz', { signal, acceptStatuses: [503] });
  // A 503 from something other than our server (a proxy, a maintenance page) is not an answer.
  if (!isReadiness(body)) {
    throw new ApiError({ status: 503, code: ClientErrorCode.UnexpectedResponse, title: 'Not a readiness answer' });
  }
  return body;
}

export const readinessQueryOptions = () =>
  queryOptions({
    queryKey: ['system', 'readiness'],
    queryFn: ({ signal }) => getReadiness(signal),
    refetchInterval: READINESS_POLL_MS,
    // The poll is the retry; retrying inside a poll only delays showing "offline".
    retry: false,
    staleTime: 0,
  });

export type HealthState = 'checking' | 'ok' | 'databaseDown' | 'offline';

export interface Health {
  state: HealthState;
  /** Absent while checking and when offline: there is no fresh answer to show. */
  checks: ReadinessResponse['checks'] | undefined;
  /** Epoch ms of the latest answer or failure; 0 before the first. */
  checkedAt: number;
}

export function useHealth(): Health {
  const query = useQuery(readinessQueryOptions());
  // After a failed poll TanStack keeps the last good data; the failure is what is true now.
  if (query.isError) {
    return { state: 'offline', checks: undefined, checkedAt: query.errorUpdatedAt };
  }
  if (!query.data) return { state: 'checking', checks: undefined, checkedAt: 0 };
  return {
    state: query.data.status === 'ready' ? 'ok' : 'databaseDown',
    checks: query.data.checks,
    checkedAt: query.dataUpdatedAt,
  };
}

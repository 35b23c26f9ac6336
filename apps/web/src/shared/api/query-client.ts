/**
 * TanStack Query defaults for the whole app. Failed mutations are reported in one place
 * (onMutationError), so a feature only handles the failures it can do better with, such as
 * putting field errors next to form fields; it then sets `meta: { silentError: true }`.
 */
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.ts';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The caller shows this failure itself; skip the central notification. */
      silentError?: boolean;
    };
  }
}

export interface QueryClientHooks {
  onMutationError: (error: Error) => void;
}

/** 4xx answers will not change on retry; network faults and 5xx may. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient({ onMutationError }: QueryClientHooks): QueryClient {
  return new QueryClient({
    mutationCache: new MutationCache({
      onError: (error, _variables, _onMutateResult, mutation) => {
        if (!mutation.meta?.silentError) onMutationError(error);
      },
    }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      // Writes are not retried blindly: a lost answer may hide a write that happened.
      mutations: { retry: false },
    },
  });
}

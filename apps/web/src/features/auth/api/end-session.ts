/** Ends one of my other sessions, e.g. one left open on a shared computer. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client.ts';
import { sessionsQueryOptions } from './get-sessions.ts';

export function endSession(id: string): Promise<void> {
  return api.delete<void>(`/api/v1/auth/sessions/${encodeURIComponent(id)}`);
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey }),
  });
}

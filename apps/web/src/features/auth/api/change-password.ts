/** Changes one's own password; the server ends every other session of the user. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionStage } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';
import { sessionsQueryOptions } from './get-sessions.ts';

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
}

export function changePassword(input: PasswordChangeInput): Promise<{ stage: SessionStage }> {
  return api.post<{ stage: SessionStage }>('/api/v1/auth/password', input);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // Policy problems go beside the fields.
    meta: { silentError: true },
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey }),
  });
}

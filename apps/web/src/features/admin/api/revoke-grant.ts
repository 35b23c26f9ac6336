/** Revokes a grant; it stays in the history (and the audit log) but no longer counts. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserAccount } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function revokeGrant(id: number): Promise<UserAccount> {
  return api.post<UserAccount>(`/api/v1/grants/${id}/revoke`);
}

export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeGrant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

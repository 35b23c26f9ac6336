/** Disables an account (its sessions end at once) or enables it again. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserAccount } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export type UserStatusChange = { id: number; to: 'disabled' | 'active' };

export function setUserStatus({ id, to }: UserStatusChange): Promise<UserAccount> {
  return api.post<UserAccount>(`/api/v1/users/${id}/${to === 'disabled' ? 'disable' : 'enable'}`);
}

export function useSetUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserStatus,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

/** Gives an account a new initial password (shown once); its sessions end and it must choose its own at sign-in. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client.ts';
import type { UserCreated } from './create-user.ts';

export function resetPassword(id: number): Promise<UserCreated> {
  return api.post<UserCreated>(`/api/v1/users/${id}/reset-password`);
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

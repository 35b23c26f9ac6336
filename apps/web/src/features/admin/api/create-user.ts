/** Creates an account; the answer carries its initial password, which is shown once and then forgotten. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserAccount, UserCreate } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export interface UserCreated {
  user: UserAccount;
  initialPassword: string;
}

export function createUser(input: UserCreate): Promise<UserCreated> {
  return api.post<UserCreated>('/api/v1/users', input);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    // The form puts a taken username beside the field.
    meta: { silentError: true },
    // The answer holds a password: nothing keeps it once the dialog is gone.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

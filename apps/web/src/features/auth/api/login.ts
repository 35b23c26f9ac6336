/** Signing in with username and password; the answer says which step, if any, comes next. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me } from '@wangge/contracts';
import { api, setCsrfToken } from '@/shared/api/client.ts';
import { meQueryOptions } from '@/shared/auth/get-me.ts';

export async function login(input: LoginRequest): Promise<Me> {
  const me = await api.post<Me>('/api/v1/auth/login', input);
  setCsrfToken(me.csrfToken);
  return me;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // The form says what went wrong; the password leaves memory as soon as the form is gone.
    meta: { silentError: true },
    gcTime: 0,
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}

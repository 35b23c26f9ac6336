/** The second step of signing in: the current TOTP code, or one of the recovery codes. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@wangge/contracts';
import { api, setCsrfToken } from '@/shared/api/client.ts';
import { meQueryOptions } from '@/shared/auth/get-me.ts';

export type TotpAnswer = { code: string } | { recoveryCode: string };

export async function verifyTotp(input: TotpAnswer): Promise<Me> {
  const me = await api.post<Me>('/api/v1/auth/totp', input);
  setCsrfToken(me.csrfToken);
  return me;
}

export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyTotp,
    meta: { silentError: true },
    gcTime: 0,
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}

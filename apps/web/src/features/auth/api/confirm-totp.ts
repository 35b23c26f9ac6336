/** Finishes TOTP set-up with a code from the app; the answer holds the recovery codes, once. */
import { useMutation } from '@tanstack/react-query';
import { api } from '@/shared/api/client.ts';

export function confirmTotp(code: string): Promise<{ recoveryCodes: string[] }> {
  return api.post<{ recoveryCodes: string[] }>('/api/v1/auth/totp/confirm', { code });
}

export function useConfirmTotp() {
  return useMutation({ mutationFn: confirmTotp, meta: { silentError: true }, gcTime: 0 });
}

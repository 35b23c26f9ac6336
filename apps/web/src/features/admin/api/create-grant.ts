/**
 * Grants a role at a unit. The server refuses (409) a second administrator role on one account
 * (三权分立) and a role the user already holds there; the form shows its words.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GrantCreate, UserAccount } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function createGrant(input: GrantCreate): Promise<UserAccount> {
  return api.post<UserAccount>('/api/v1/grants', input);
}

export function useCreateGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGrant,
    meta: { silentError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

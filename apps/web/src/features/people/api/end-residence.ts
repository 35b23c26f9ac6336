/** A person moves out (迁出): their residence ends on a date (audited by the server). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { House } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function endResidence({ residenceId, toDate }: { residenceId: number; toDate: string }): Promise<House[]> {
  return api.post<House[]>(`/api/v1/residences/${residenceId}/end`, { toDate });
}

export function useEndResidence(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endResidence,
    meta: { silentError: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['people', 'profile', personId] }),
        queryClient.invalidateQueries({ queryKey: ['buildings'] }),
      ]),
  });
}

/** Renames a unit; the version read guards against overwriting someone else's change (409). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Unit, UnitUpdate } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function updateUnit({ id, ...input }: UnitUpdate & { id: number }): Promise<Unit> {
  return api.patch<Unit>(`/api/v1/units/${id}`, input);
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** Retires a unit. Units are never deleted: their history and past records stay attached. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Unit } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export interface RetireUnitInput {
  id: number;
  version: number;
  reason?: string;
}

export function retireUnit({ id, ...body }: RetireUnitInput): Promise<Unit> {
  return api.post<Unit>(`/api/v1/units/${id}/retire`, body);
}

export function useRetireUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}

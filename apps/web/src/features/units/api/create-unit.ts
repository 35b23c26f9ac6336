/** Adds a unit under a parent. Administrative kinds bring their 12-digit division code; grids and below get one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Unit, UnitCreate } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function createUnit(input: UnitCreate): Promise<Unit> {
  return api.post<Unit>('/api/v1/units', input);
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    // The form shows field errors (a taken or malformed code) beside the fields.
    meta: { silentError: true },
    // Child counts, coverage and warnings of every ancestor change with it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}

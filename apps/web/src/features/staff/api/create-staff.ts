/** Adds a person who works the grid. The phone is stored encrypted and answered masked. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Staff, StaffCreate } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function createStaff(input: StaffCreate): Promise<Staff> {
  return api.post<Staff>('/api/v1/staff', input);
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaff,
    // The assign form shows the failure beside its fields.
    meta: { silentError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff', 'search'] }),
  });
}

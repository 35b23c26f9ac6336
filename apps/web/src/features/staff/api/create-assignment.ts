/** Puts a person in a role at a unit. A second active grid leader on a grid is refused with 409. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Assignment, AssignmentCreate } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function createAssignment(input: AssignmentCreate): Promise<Assignment> {
  return api.post<Assignment>('/api/v1/assignments', input);
}

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAssignment,
    // The assign form explains a refusal (409 for a second grid leader) in place.
    meta: { silentError: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['roster'] }),
        queryClient.invalidateQueries({ queryKey: ['staff'] }),
        // Sizing warnings (no grid leader, too few representatives) and coverage counts change.
        queryClient.invalidateQueries({ queryKey: ['units'] }),
      ]),
  });
}

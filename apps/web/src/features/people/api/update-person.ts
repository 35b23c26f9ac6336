/**
 * Edits a person: only the fields that changed, with the version read (409 when someone saved in
 * between). The ID number and its type are never edited; null empties a field.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person, PersonUpdate } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';
import { invalidatePeople } from './invalidate-people.ts';

export function updatePerson({ id, ...input }: PersonUpdate & { id: number }): Promise<Person> {
  return api.patch<Person>(`/api/v1/people/${id}`, input);
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    // The person form shows the failure beside its fields, and a stale version with a reload.
    meta: { silentError: true },
    onSuccess: () => invalidatePeople(queryClient),
  });
}

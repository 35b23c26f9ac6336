/** Registers one person (登记人员). The server derives sex and birth date from the ID number and judges it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person, PersonInput } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';
import { invalidatePeople } from './invalidate-people.ts';

export function createPerson(input: PersonInput): Promise<Person> {
  return api.post<Person>('/api/v1/people', input);
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    // The person form shows the failure beside its fields.
    meta: { silentError: true },
    onSuccess: () => invalidatePeople(queryClient),
  });
}

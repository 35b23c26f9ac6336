/** Registers one person (登记人员). The server derives sex and birth date from the ID number and judges it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person, PersonInput } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function createPerson(input: PersonInput): Promise<Person> {
  return api.post<Person>('/api/v1/people', input);
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    // The person form shows the failure beside its fields.
    meta: { silentError: true },
    // A new member also shows on the household's other members' profiles and in its member count.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['people', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['people', 'profile'] }),
        queryClient.invalidateQueries({ queryKey: ['households'] }),
      ]),
  });
}

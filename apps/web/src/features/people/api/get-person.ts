/** One person with household and members, residence history and party membership. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PersonProfile } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getPerson(id: number, signal?: AbortSignal): Promise<PersonProfile> {
  return api.get<PersonProfile>(`/api/v1/people/${id}`, { signal });
}

export const personQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['people', 'profile', id],
    queryFn: ({ signal }) => getPerson(id, signal),
  });

export function usePerson(id: number) {
  return useQuery(personQueryOptions(id));
}

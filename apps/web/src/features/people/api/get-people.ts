/** People within a unit's subtree, by name, ID number, phone, address and the filters officials use. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Person, PersonFlag, PageOf, ResidenceType } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export type PersonSort = 'name' | 'birthDate' | '-birthDate' | 'updatedAt' | '-updatedAt';

/** What the filters select; also what the export takes. */
export interface PeopleFilter {
  within: number;
  q?: string | undefined;
  idNumber?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  residenceType?: ResidenceType | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  flag?: PersonFlag | undefined;
}

export interface PeopleQuery extends Omit<PeopleFilter, 'within'> {
  /** Without it: every unit the user may see. */
  within?: number | undefined;
  /** The members of one household. */
  householdId?: number | undefined;
  sort?: PersonSort | undefined;
  limit: number;
  offset: number;
}

export interface PersonPage extends PageOf<Person> {
  /** More than 10,000 matched: `total` is then 10,000, not a count. */
  totalIsEstimate: boolean;
}

export function getPeople(query: PeopleQuery, signal?: AbortSignal): Promise<PersonPage> {
  return api.get<PersonPage>('/api/v1/people', { signal, query: { ...query } });
}

export const peopleQueryOptions = (query: PeopleQuery, enabled = true) =>
  queryOptions({
    queryKey: ['people', 'list', query],
    queryFn: ({ signal }) => getPeople(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export function usePeople(query: PeopleQuery, enabled = true) {
  return useQuery(peopleQueryOptions(query, enabled));
}

/** Organizations and places (组织场所) within a unit's subtree, by kind and name or address. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Organization as OrganizationSchema, OrganizationKinds, PageOf } from '@wangge/contracts';
import type { Static } from 'typebox';
import { api } from '@/shared/api/client.ts';

export type OrganizationKind = (typeof OrganizationKinds)[number];
// Contracts export the schema but no type for it; the type follows the schema, so it cannot drift.
export type Organization = Static<typeof OrganizationSchema>;

export interface OrganizationFilter {
  within: number;
  q?: string | undefined;
  kind?: OrganizationKind | undefined;
  limit: number;
  offset: number;
}

export function getOrganizations(filter: OrganizationFilter, signal?: AbortSignal): Promise<PageOf<Organization>> {
  return api.get<PageOf<Organization>>('/api/v1/organizations', { signal, query: { ...filter } });
}

export const organizationsQueryOptions = (filter: OrganizationFilter) =>
  queryOptions({
    queryKey: ['places', 'organizations', filter],
    queryFn: ({ signal }) => getOrganizations(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useOrganizations(filter: OrganizationFilter) {
  return useQuery(organizationsQueryOptions(filter));
}

/** Every role a person held, ended ones too: their service record. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Assignment } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getStaffAssignments(staffId: number, signal?: AbortSignal): Promise<Assignment[]> {
  return api.get<Assignment[]>(`/api/v1/staff/${staffId}/assignments`, { signal });
}

export const staffAssignmentsQueryOptions = (staffId: number) =>
  queryOptions({
    queryKey: ['staff', staffId, 'assignments'],
    queryFn: ({ signal }) => getStaffAssignments(staffId, signal),
  });

export function useStaffAssignments(staffId: number) {
  return useQuery(staffAssignmentsQueryOptions(staffId));
}

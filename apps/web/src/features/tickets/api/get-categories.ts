/** The category tree (with each category's extra-field schema and deadlines) and the departments. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Category, DepartmentRef } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getCategories(signal?: AbortSignal): Promise<Category[]> {
  return api.get<Category[]>('/api/v1/ticket-categories', { signal });
}

export const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: ['tickets', 'categories'],
    queryFn: ({ signal }) => getCategories(signal),
    // Administrators change the tree rarely.
    staleTime: 10 * 60_000,
  });

export function useCategories() {
  return useQuery(categoriesQueryOptions());
}

export interface CategoryNode {
  value: number;
  title: string;
  children?: CategoryNode[];
}

/** The active categories as TreeSelect data (parents first, in the server's order). */
export function categoryTree(categories: readonly Category[]): CategoryNode[] {
  const active = categories.filter((c) => c.status === 'active');
  const ids = new Set(active.map((c) => c.id));
  const build = (parentId: number | null): CategoryNode[] =>
    active
      .filter((c) => (parentId === null ? c.parentId === null || !ids.has(c.parentId) : c.parentId === parentId))
      .map((c) => {
        const children = build(c.id);
        return { value: c.id, title: c.name, ...(children.length > 0 ? { children } : {}) };
      });
  return build(null);
}

export function getDepartments(signal?: AbortSignal): Promise<DepartmentRef[]> {
  return api.get<DepartmentRef[]>('/api/v1/departments', { signal });
}

export const departmentsQueryOptions = () =>
  queryOptions({
    queryKey: ['tickets', 'departments'],
    queryFn: ({ signal }) => getDepartments(signal),
    staleTime: 10 * 60_000,
  });

export function useDepartments(enabled = true) {
  return useQuery({ ...departmentsQueryOptions(), enabled });
}

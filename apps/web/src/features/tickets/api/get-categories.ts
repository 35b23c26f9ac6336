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

/**
 * The categories as a tree, in the server's order: each one becomes `node(category, its children)`.
 * A category whose parent is not in the list sits at the top; `without` leaves one category out,
 * with its whole branch.
 */
export function nestCategories<N>(
  categories: readonly Category[],
  node: (c: Category, children: N[]) => N,
  without?: number,
): N[] {
  const ids = new Set(categories.map((c) => c.id));
  const build = (parentId: number | null): N[] =>
    categories
      .filter((c) => c.id !== without)
      .filter((c) => (parentId === null ? c.parentId === null || !ids.has(c.parentId) : c.parentId === parentId))
      .map((c) => node(c, build(c.id)));
  return build(null);
}

/** The active categories as TreeSelect data; `without`: a category (and its branch) not to offer. */
export function categoryTree(categories: readonly Category[], without?: number): CategoryNode[] {
  return nestCategories<CategoryNode>(
    categories.filter((c) => c.status === 'active'),
    (c, children) => ({ value: c.id, title: c.name, ...(children.length > 0 ? { children } : {}) }),
    without,
  );
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

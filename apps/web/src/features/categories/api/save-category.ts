/** Adding and changing a ticket category (系统管理 → 事件类别); the server audits both. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Category, CategoryInput } from '@wangge/contracts';
import { categoriesQueryOptions } from '@/features/tickets/api/get-categories.ts';
import { api } from '@/shared/api/client.ts';

export function saveCategory({ id, input }: { id: number | null; input: CategoryInput }): Promise<Category> {
  return id === null
    ? api.post<Category>('/api/v1/ticket-categories', input)
    : api.put<Category>(`/api/v1/ticket-categories/${id}`, input);
}

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCategory,
    // The form shows the server's reasons beside the fields.
    meta: { silentError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesQueryOptions().queryKey }),
  });
}

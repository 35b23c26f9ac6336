/**
 * After a person is registered or edited: the lists, every profile (household members show on each
 * other's profiles) and the households (their member counts).
 */
import type { QueryClient } from '@tanstack/react-query';

export function invalidatePeople(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['people', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['people', 'profile'] }),
    queryClient.invalidateQueries({ queryKey: ['households'] }),
  ]);
}

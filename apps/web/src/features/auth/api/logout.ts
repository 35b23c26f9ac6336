/**
 * Signing out: the server ends the session, then nothing of it stays in this page: the CSRF token
 * is dropped and the whole TanStack Query cache (every query and mutation) is cleared.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, isApiError, setCsrfToken } from '@/shared/api/client.ts';
import { LOGIN_PATH } from '../utils/paths.ts';

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/v1/auth/logout');
  } catch (error) {
    // Already signed out (timed out, or ended from another device): the goal is reached.
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      setCsrfToken(null);
      queryClient.clear();
      await navigate(LOGIN_PATH, { replace: true });
    },
  });
}

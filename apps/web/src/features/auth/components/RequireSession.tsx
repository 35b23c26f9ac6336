/**
 * The route guard around the signed-in app. Signed out: to the login page, remembering where the
 * user was going. Signed in but not finished (password change, TOTP): to that step.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '@/shared/auth/get-me.ts';
import { PageLoading } from '@/shared/ui/PageLoading.tsx';
import { LOGIN_PATH, signInStepPath, type SignInState } from '../utils/paths.ts';
import { SessionCheckFailed } from './SessionCheckFailed.tsx';

export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const { pathname, search } = useLocation();
  // Whether this page has seen the user signed in: losing that means the session ended by itself.
  const wasActive = useRef(false);
  const active = me.data?.stage === 'active';
  useEffect(() => {
    if (active) wasActive.current = true;
  }, [active]);

  // A failed refetch keeps the last answer: a network blip does not throw anyone out.
  if (me.data) {
    if (me.data.stage !== 'active') {
      return <Navigate replace to={signInStepPath(me.data.stage)} state={{ from: pathname + search } satisfies SignInState} />;
    }
    return children;
  }
  if (me.data === null) {
    const state: SignInState = { from: pathname + search, ...(wasActive.current ? { expired: true } : {}) };
    return <Navigate replace to={LOGIN_PATH} state={state} />;
  }
  if (me.isError) return <SessionCheckFailed error={me.error} onRetry={() => void me.refetch()} />;
  return <PageLoading />;
}

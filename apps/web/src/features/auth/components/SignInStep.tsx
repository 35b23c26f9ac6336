/**
 * Frame of each sign-in page: renders the page only when the session is at its step, and
 * otherwise moves on to where the session belongs (the next step, or the page the user wanted).
 */
import type { ReactNode } from 'react';
import type { Me } from '@wangge/contracts';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '@/shared/auth/get-me.ts';
import { PageLoading } from '@/shared/ui/PageLoading.tsx';
import { LOGIN_PATH, nextPath, readSignInState, signInStepPath, type SignInStage } from '../utils/paths.ts';
import { SessionCheckFailed } from './SessionCheckFailed.tsx';

type Props = { step: 'credentials'; children: () => ReactNode } | { step: SignInStage; children: (me: Me) => ReactNode };

export function SignInStep(props: Props) {
  const me = useMe();
  const location = useLocation();
  const state = readSignInState(location.state);

  if (me.data === undefined) {
    if (me.isError) return <SessionCheckFailed error={me.error} onRetry={() => void me.refetch()} />;
    return <PageLoading />;
  }
  const here = props.step === 'credentials' ? LOGIN_PATH : signInStepPath(props.step);
  const target = nextPath(me.data, state);
  if (target !== here) {
    // Into the app the remembered page is used up; between steps it travels on.
    return <Navigate replace to={target} state={me.data?.stage === 'active' ? null : state} />;
  }
  if (props.step === 'credentials') return props.children();
  return me.data ? props.children(me.data) : null;
}

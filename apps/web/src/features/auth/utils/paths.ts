/**
 * Where signing in happens. A session that is not yet `active` can only finish signing in, one
 * step per page; `from` (router state, never storage) carries the page the user wanted through
 * every step.
 */
import type { Me, SessionStage } from '@wangge/contracts';

export const LOGIN_PATH = '/login';
export const ACCOUNT_PATH = '/account';

export type SignInStage = Exclude<SessionStage, 'active'>;

/** The sign-in step pages, under /login. */
export const signInStepSegment: Record<SignInStage, string> = {
  passwordChangeRequired: 'password',
  totpRequired: 'totp',
  totpEnrollRequired: 'totp-setup',
};

export const signInStepPath = (stage: SignInStage) => `${LOGIN_PATH}/${signInStepSegment[stage]}`;

export interface SignInState {
  /** The page to open once signed in. */
  from?: string;
  /** The session ended by itself (timeout, disabled, signed out elsewhere). */
  expired?: boolean;
}

export function readSignInState(state: unknown): SignInState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, expired } = state as Record<string, unknown>;
  return {
    // Only a path inside this app, and never back into the sign-in pages.
    ...(typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith(LOGIN_PATH)
      ? { from }
      : {}),
    ...(expired === true ? { expired } : {}),
  };
}

/** Where a visitor belongs now: the sign-in form, the next step, or the app. */
export function nextPath(me: Me | null, state: SignInState): string {
  if (!me) return LOGIN_PATH;
  if (me.stage !== 'active') return signInStepPath(me.stage);
  return state.from ?? '/';
}

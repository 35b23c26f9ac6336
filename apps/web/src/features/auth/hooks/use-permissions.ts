/** What the signed-in user may do somewhere; empty while signing in or signed out. */
import { useMe } from '@/shared/auth/get-me.ts';

const NONE: readonly string[] = [];

export function usePermissions(): readonly string[] {
  const me = useMe();
  return me.data?.stage === 'active' ? me.data.permissions : NONE;
}

/**
 * Who is acting, on whose behalf, from where. Built once per request from the session (http/auth.ts)
 * or, for the CLI, seeding and jobs, the system actor.
 */
import type { UserRoleName } from '@wangge/contracts';

export interface ActorGrant {
  id: number;
  role: UserRoleName;
  unitId: number;
  /** ltree path of the granted unit: the grant covers this subtree. */
  unitPath: string;
  departmentId: number | null;
}

export interface Actor {
  /** The CLI, the demo seed and background jobs: not limited by scope, audited as "system". */
  system?: boolean;
  userId: number | null;
  username: string;
  /** The name people see (the account's display name). */
  displayName?: string;
  sessionId: string | null;
  grants: ActorGrant[];
  ip: string | null;
  requestId: string | null;
}

export const systemActor: Actor = {
  system: true,
  userId: null,
  username: 'system',
  sessionId: null,
  grants: [],
  ip: null,
  requestId: null,
};

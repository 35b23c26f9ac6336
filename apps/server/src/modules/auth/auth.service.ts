/**
 * Signing in and sessions. Server-side sessions (the cookie carries a random secret; the database
 * keeps only its SHA-256), 30 minutes idle and 12 hours in all by default. Five failed attempts lock
 * the account for 15 minutes; unknown users, wrong passwords and locked accounts get the same answer.
 * A session goes through stages: password change (first sign-in), TOTP, then active.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  ErrorCode,
  roleNeedsSecondFactor,
  rolePermissions,
  type Me,
  type SessionStage,
  type UserRoleName,
} from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { authRepo, type Authentication, type GrantRow, type SessionRow, type UserRow } from './auth.repo.ts';

export interface AuthenticatedUser {
  id: number;
  username: string;
  display_name: string;
}
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { SessionCache } from './session-cache.ts';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
  /** How long an authenticated session is kept in memory (session-cache.ts); 0 = read every time. */
  cacheSeconds?: number;
}

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export const sessionIdOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const loginFailed = () =>
  new AppError(401, ErrorCode.LoginFailed, 'Wrong username or password, or the account is locked or disabled');

export function stageFor(user: UserRow, grants: GrantRow[], passedTotp: boolean): SessionStage {
  if (user.must_change_password) return 'passwordChangeRequired';
  if (user.totp_enabled && !passedTotp) return 'totpRequired';
  if (!user.totp_enabled && grants.some((g) => roleNeedsSecondFactor(g.role as UserRoleName))) return 'totpEnrollRequired';
  return 'active';
}

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly policy: SessionPolicy,
  ) {
    this.sessionCache = new SessionCache((policy.cacheSeconds ?? 0) * 1000);
  }

  /** Recently authenticated sessions; other services clear it when they change sign-in facts. */
  readonly sessionCache: SessionCache;

  private anonymous(meta: RequestMeta, username: string): Actor {
    return { userId: null, username, sessionId: null, grants: [], ip: meta.ip, requestId: meta.requestId };
  }

  async login(username: string, password: string, meta: RequestMeta): Promise<{ secret: string; me: Me }> {
    const now = this.clock.now();
    const user = await authRepo.userByName(this.db.db, username);
    if (!user) {
      await verifyAgainstDummy(password);
      await this.audit.record(this.db.db, this.anonymous(meta, username.slice(0, 64)), {
        action: 'auth.login',
        result: 'failed',
        detail: { reason: 'unknown user' },
      });
      throw loginFailed();
    }
    const actor: Actor = { ...this.anonymous(meta, user.username), userId: user.id };
    const locked = user.locked_until !== null && new Date(user.locked_until) > now;
    const ok = !locked && user.status === 'active' && (await verifyPassword(user.password_hash, password));
    if (!ok) {
      const reason = locked ? 'locked' : user.status !== 'active' ? 'disabled' : 'wrong password';
      if (!locked && user.status === 'active') await this.countFailure(user, now);
      await this.audit.record(this.db.db, actor, {
        action: 'auth.login',
        result: 'failed',
        objectType: 'user',
        objectId: user.id,
        detail: { reason },
      });
      throw loginFailed();
    }
    await authRepo.updateUser(this.db.db, user.id, { failed_attempts: 0, locked_until: null });
    const grants = await authRepo.activeGrants(this.db.db, user.id);
    const secret = randomBytes(32).toString('base64url');
    const id = sessionIdOf(secret);
    const stage = stageFor(user, grants, false);
    await this.db.db.transaction().execute(async (tx) => {
      await authRepo.insertSession(tx, {
        id,
        user_id: user.id,
        csrf_token: randomBytes(24).toString('base64url'),
        stage,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + this.policy.maxHours * 3600_000),
        ended_at: null,
        end_reason: null,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await this.audit.record(
        tx,
        { ...actor, sessionId: id },
        { action: 'auth.login', objectType: 'user', objectId: user.id, detail: { stage } },
      );
    });
    return { secret, me: await this.me((await authRepo.session(this.db.db, id))!) };
  }

  private async countFailure(user: UserRow, now: Date) {
    const attempts = user.failed_attempts + 1;
    const lock = attempts >= MAX_FAILED_ATTEMPTS;
    await authRepo.updateUser(this.db.db, user.id, {
      failed_attempts: lock ? 0 : attempts,
      locked_until: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
    });
  }

  /** The session behind a cookie, if it is still alive; ends it when it timed out. */
  /** The request gate's check: from memory or one statement, plus a write at most every 30 seconds. */
  async authenticate(
    secret: string,
  ): Promise<{ session: SessionRow; user: AuthenticatedUser; grants: Authentication['grants'] }> {
    const now = this.clock.now();
    const id = sessionIdOf(secret);
    let found = this.sessionCache.get(id);
    if (!found) {
      found = await authRepo.authenticationOf(this.db.db, id);
      if (found) this.sessionCache.set(id, found);
    }
    if (!found || found.ended_at) throw AppError.unauthenticated('Your session has ended; sign in again');
    const { username, display_name, user_status, grants, ...session } = found;
    const idleLimit = new Date(session.last_seen_at).getTime() + this.policy.idleMinutes * 60_000;
    const reason = now > new Date(session.expires_at) ? 'expired' : now.getTime() > idleLimit ? 'idle' : null;
    if (reason || user_status !== 'active') {
      this.sessionCache.delete(id);
      await authRepo.endSession(this.db.db, session.id, now, reason ?? 'disabled');
      if (!reason) throw AppError.unauthenticated('This account is disabled');
      throw AppError.unauthenticated(
        reason === 'idle' ? 'Signed out after inactivity; sign in again' : 'Your session has expired; sign in again',
      );
    }
    // Bound the writes: last_seen moves at most every 30 seconds (in the cached copy as well).
    if (now.getTime() - new Date(session.last_seen_at).getTime() > 30_000) {
      await authRepo.touchSession(this.db.db, session.id, now);
      found.last_seen_at = now;
    }
    return { session, user: { id: session.user_id, username, display_name }, grants };
  }

  async me(session: SessionRow): Promise<Me> {
    const user = (await authRepo.userById(this.db.db, session.user_id))!;
    const grants = await authRepo.activeGrants(this.db.db, user.id);
    const permissions = new Set<string>();
    for (const g of grants) for (const p of rolePermissions[g.role as UserRoleName] ?? []) permissions.add(p);
    return {
      user: { id: user.id, username: user.username, displayName: user.display_name, totpEnabled: user.totp_enabled },
      stage: session.stage as SessionStage,
      grants: grants.map((g) => ({
        id: g.id,
        role: g.role as UserRoleName,
        unit: { id: g.unit_id, code: g.code, name: g.name, kind: g.kind as never },
        departmentId: g.department_id,
        grantedAt: new Date(g.granted_at).toISOString(),
        revokedAt: null,
      })),
      permissions: session.stage === 'active' ? [...permissions].sort() : [],
      csrfToken: session.csrf_token,
      sessionExpiresAt: new Date(
        Math.min(
          new Date(session.expires_at).getTime(),
          new Date(session.last_seen_at).getTime() + this.policy.idleMinutes * 60_000,
        ),
      ).toISOString(),
    };
  }

  async meFor(sessionId: string): Promise<Me> {
    const session = await authRepo.session(this.db.db, sessionId);
    if (!session) throw AppError.unauthenticated();
    return this.me(session);
  }

  /** Moves the session on once a step (password change, TOTP) is done. */
  async advance(session: SessionRow, passedTotp: boolean): Promise<SessionStage> {
    const user = (await authRepo.userById(this.db.db, session.user_id))!;
    const stage = stageFor(user, await authRepo.activeGrants(this.db.db, user.id), passedTotp);
    await authRepo.setStage(this.db.db, session.id, stage);
    this.sessionCache.delete(session.id);
    return stage;
  }

  async logout(actor: Actor, session: SessionRow): Promise<void> {
    await authRepo.endSession(this.db.db, session.id, this.clock.now(), 'logout');
    this.sessionCache.delete(session.id);
    await this.audit.record(this.db.db, actor, { action: 'auth.logout', objectType: 'user', objectId: session.user_id });
  }

  async sessions(session: SessionRow) {
    const rows = await authRepo.openSessions(this.db.db, session.user_id);
    return rows.map((s) => ({
      id: s.id,
      current: s.id === session.id,
      createdAt: new Date(s.created_at).toISOString(),
      lastSeenAt: new Date(s.last_seen_at).toISOString(),
      ip: s.ip,
      userAgent: s.user_agent,
    }));
  }

  async endOwnSession(actor: Actor, session: SessionRow, id: string): Promise<void> {
    const target = await authRepo.session(this.db.db, id);
    if (!target || target.user_id !== session.user_id || target.ended_at) throw AppError.notFound('Session');
    await authRepo.endSession(this.db.db, id, this.clock.now(), 'ended by user');
    this.sessionCache.delete(id);
    await this.audit.record(this.db.db, actor, { action: 'auth.session.end', objectType: 'session', objectId: id.slice(0, 12) });
  }
}

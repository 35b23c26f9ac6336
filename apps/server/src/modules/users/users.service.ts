/**
 * User accounts (system administrator) and role grants (security administrator). The three
 * administrators are separate people: no account holds two of their roles, nobody grants to
 * themselves. Disabling an account ends its sessions at once.
 */
import {
  adminRoles,
  Permission,
  type GrantCreate,
  type PageOf,
  type UserAccount,
  type UserCreate,
  type UserRoleName,
} from '@wangge/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { authRepo } from '../auth/auth.repo.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { toUnitRef } from '../units/units.mapper.ts';

export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    /** Called after a change to what signing in yields (status, password, grants): clears the session cache. */
    private readonly onSignInChange: () => void = () => {},
  ) {}

  private async account(id: number): Promise<UserAccount> {
    const u = await this.db.db
      .selectFrom('user_account as a')
      .innerJoin('unit as u', 'u.id', 'a.unit_id')
      .select([
        'a.id',
        'a.username',
        'a.display_name',
        'a.staff_id',
        'a.status',
        'a.totp_enabled',
        'a.locked_until',
        'u.id as unit_id',
        'u.code',
        'u.name',
        'u.kind',
      ])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!u) throw AppError.notFound(`User ${id}`);
    const grants = await authRepo.activeGrants(this.db.db, id);
    const lockedUntil =
      u.locked_until && new Date(u.locked_until) > this.clock.now() ? new Date(u.locked_until).toISOString() : null;
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      unit: toUnitRef({ id: u.unit_id, code: u.code, name: u.name, kind: u.kind }),
      staffId: u.staff_id,
      status: u.status,
      totpEnabled: u.totp_enabled,
      lockedUntil,
      grants: grants.map((g) => ({
        id: g.id,
        role: g.role as UserRoleName,
        unit: toUnitRef({ id: g.unit_id, code: g.code, name: g.name, kind: g.kind }),
        departmentId: g.department_id,
        grantedAt: new Date(g.granted_at).toISOString(),
        revokedAt: null,
      })),
    };
  }

  /** A user is visible to an administrator whose scope covers the user's home unit. */
  private async requireUser(actor: Actor, permissions: Permission[], id: number) {
    const row = await this.db.db
      .selectFrom('user_account as a')
      .innerJoin('unit as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.username', 'u.path', 'u.id as unit_id'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    const grant = row ? permissions.map((p) => this.access.grantFor(actor, p, row.path)).find(Boolean) : null;
    if (!row || (!grant && !actor.system)) return this.access.deny(actor, permissions[0]!, { objectType: 'user', objectId: id });
    return row;
  }

  async list(actor: Actor, q: { within?: number; q?: string; limit?: number; offset?: number }): Promise<PageOf<UserAccount>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const perm = this.access.can(actor, Permission.UsersManage) ? Permission.UsersManage : Permission.GrantsManage;
    let base = this.db.db
      .selectFrom('user_account as a')
      .innerJoin('unit as u', 'u.id', 'a.unit_id')
      .where(this.access.scopeCondition(actor, perm, 'u.path'));
    if (q.within)
      base = base.where(sql<boolean>`u.path <@ ${(await this.access.requireUnit(actor, perm, q.within)).unit.path}::ltree`);
    if (q.q) base = base.where((eb) => eb.or([eb('a.username', 'ilike', `%${q.q}%`), eb('a.display_name', 'like', `%${q.q}%`)]));
    const [ids, total] = await Promise.all([
      base.select('a.id').orderBy('a.username').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await Promise.all(ids.map((r) => this.account(r.id))), total: total.n, limit, offset };
  }

  async create(actor: Actor, input: UserCreate) {
    const { unit } = await this.access.requireUnit(actor, Permission.UsersManage, input.unitId);
    const initialPassword = generatePassword();
    const now = this.clock.now();
    try {
      const id = await this.db.db.transaction().execute(async (tx) => {
        const r = await tx
          .insertInto('user_account')
          .values({
            username: input.username,
            display_name: input.displayName,
            unit_id: unit.id,
            staff_id: input.staffId ?? null,
            password_hash: await hashPassword(initialPassword),
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await this.audit.record(tx, actor, {
          action: 'user.create',
          objectType: 'user',
          objectId: r.id,
          unitId: unit.id,
          detail: { username: input.username },
        });
        return r.id;
      });
      return { user: await this.account(id), initialPassword };
    } catch (err) {
      if (isUniqueViolation(err))
        throw AppError.conflict(`Username ${input.username} is taken`, {
          errors: [{ path: '/body/username', message: 'taken' }],
        });
      throw err;
    }
  }

  async setStatus(actor: Actor, id: number, status: 'active' | 'disabled') {
    const row = await this.requireUser(actor, [Permission.UsersManage], id);
    if (actor.userId === id) throw AppError.conflict('You cannot disable or enable your own account');
    const now = this.clock.now();
    await this.db.db.transaction().execute(async (tx) => {
      await authRepo.updateUser(tx, id, { status, failed_attempts: 0, locked_until: null });
      if (status === 'disabled') await authRepo.endUserSessions(tx, id, now, 'disabled');
      await this.audit.record(tx, actor, {
        action: `user.${status === 'disabled' ? 'disable' : 'enable'}`,
        objectType: 'user',
        objectId: id,
        unitId: row.unit_id,
      });
    });
    this.onSignInChange();
    return this.account(id);
  }

  async resetPassword(actor: Actor, id: number) {
    const row = await this.requireUser(actor, [Permission.UsersManage], id);
    const password = generatePassword();
    const now = this.clock.now();
    await this.db.db.transaction().execute(async (tx) => {
      await authRepo.updateUser(tx, id, {
        password_hash: await hashPassword(password),
        must_change_password: true,
        failed_attempts: 0,
        locked_until: null,
      });
      await authRepo.endUserSessions(tx, id, now, 'password reset');
      await this.audit.record(tx, actor, {
        action: 'user.password.reset',
        objectType: 'user',
        objectId: id,
        unitId: row.unit_id,
      });
    });
    this.onSignInChange();
    return { user: await this.account(id), initialPassword: password };
  }

  async get(actor: Actor, id: number) {
    await this.requireUser(actor, [Permission.UsersManage, Permission.GrantsManage], id);
    return this.account(id);
  }

  async grant(actor: Actor, input: GrantCreate) {
    await this.requireUser(actor, [Permission.GrantsManage], input.userId);
    const { unit } = await this.access.requireUnit(actor, Permission.GrantsManage, input.unitId);
    if (actor.userId === input.userId) throw AppError.forbidden('Nobody grants roles to themselves');
    const held = await authRepo.activeGrants(this.db.db, input.userId);
    if (
      adminRoles.includes(input.role) &&
      held.some((g) => adminRoles.includes(g.role as UserRoleName) && g.role !== input.role)
    ) {
      throw AppError.conflict('The system, security and audit administrators must be different accounts (三权分立)', {
        errors: [{ path: '/body/role', message: 'separation of duties' }],
      });
    }
    if (input.role === 'departmentHandler' && !input.departmentId)
      throw AppError.badRequest('A department handler needs a department', [{ path: '/body/departmentId', message: 'required' }]);
    try {
      await this.db.db.transaction().execute(async (tx) => {
        const r = await tx
          .insertInto('role_grant')
          .values({
            user_id: input.userId,
            role: input.role,
            unit_id: unit.id,
            department_id: input.departmentId ?? null,
            granted_by: actor.userId,
            granted_at: this.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await this.audit.record(tx, actor, {
          action: 'grant.create',
          objectType: 'grant',
          objectId: r.id,
          unitId: unit.id,
          detail: { userId: input.userId, role: input.role },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict('The user already holds this role at this unit');
      throw err;
    }
    this.onSignInChange();
    return this.account(input.userId);
  }

  async revoke(actor: Actor, grantId: number) {
    const g = await this.db.db
      .selectFrom('role_grant as g')
      .innerJoin('unit as u', 'u.id', 'g.unit_id')
      .select(['g.id', 'g.user_id', 'g.role', 'g.unit_id', 'u.path', 'g.revoked_at'])
      .where('g.id', '=', grantId)
      .executeTakeFirst();
    if (!g || g.revoked_at) throw AppError.notFound(`Grant ${grantId}`);
    await this.access.requirePath(actor, Permission.GrantsManage, g.path, {
      objectType: 'grant',
      objectId: grantId,
      unitId: g.unit_id,
    });
    await this.db.db.transaction().execute(async (tx) => {
      await tx.updateTable('role_grant').set({ revoked_at: this.clock.now() }).where('id', '=', grantId).execute();
      await this.audit.record(tx, actor, {
        action: 'grant.revoke',
        objectType: 'grant',
        objectId: grantId,
        unitId: g.unit_id,
        detail: { userId: g.user_id, role: g.role },
      });
    });
    this.onSignInChange();
    return this.account(g.user_id);
  }
}

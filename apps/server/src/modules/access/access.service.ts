/**
 * requireAccess: the one place that decides whether an actor may do something to a unit's data.
 * A role grant covers the granted unit's subtree. Out-of-scope targets answer 404 exactly as if
 * they did not exist (no record, no count leaks) and the refusal is audited.
 */
import { ErrorCode, roleHas, type Permission } from '@wangge/contracts';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { unitsRepo, type UnitRow } from '../units/units.repo.ts';
import type { Actor, ActorGrant } from './actor.ts';

/**
 * `column <@ p1 or column <@ p2 …`: PostgreSQL searches a GiST index for `<@ ltree` but not for
 * `<@ array[…]`, which would filter every row instead.
 */
export function pathWithin(column: RawBuilder<unknown> | string, paths: string[]): RawBuilder<SqlBool> {
  const col = typeof column === 'string' ? sql.ref(column) : column;
  if (paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    paths.map((p) => sql`${col} <@ ${p}::ltree`),
    sql` or `,
  )})`;
}

const covers = (grantPath: string, path: string) => path === grantPath || path.startsWith(`${grantPath}.`);

export class AccessService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  grantsWith(actor: Actor, permission: Permission): ActorGrant[] {
    return actor.grants.filter((g) => roleHas(g.role, permission));
  }

  can(actor: Actor, permission: Permission): boolean {
    return actor.system === true || this.grantsWith(actor, permission).length > 0;
  }

  /** The grant that allows `permission` on the unit at `path`, if any. */
  grantFor(actor: Actor, permission: Permission, path: string): ActorGrant | null {
    return this.grantsWith(actor, permission).find((g) => covers(g.unitPath, path)) ?? null;
  }

  /** The smallest set of subtree roots where the actor holds `permission` (null = everywhere). */
  scopePaths(actor: Actor, permission: Permission): string[] | null {
    if (actor.system) return null;
    const paths = [...new Set(this.grantsWith(actor, permission).map((g) => g.unitPath))].sort((a, b) => a.length - b.length);
    return paths.filter((p, i) => !paths.slice(0, i).some((q) => covers(q, p)));
  }

  /** The highest unit where the actor holds `permission` (the tree's root for the system): "my area" by default. */
  async topUnit(actor: Actor, permission: Permission): Promise<UnitRow | null> {
    const paths = this.scopePaths(actor, permission);
    if (paths === null)
      return (
        (await this.db.db.selectFrom('unit').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst()) ?? null
      );
    if (paths.length === 0) return null;
    return (await unitsRepo.findById(this.db.db, Number(paths[0]!.split('.').pop()))) ?? null;
  }

  /** A SQL condition limiting `column` (an ltree path) to the actor's scope. */
  scopeCondition(actor: Actor, permission: Permission, column: string): Expression<SqlBool> {
    const paths = this.scopePaths(actor, permission);
    if (paths === null) return sql<SqlBool>`true`;
    if (paths.length === 0) return sql<SqlBool>`false`;
    return pathWithin(column, paths);
  }

  async deny(
    actor: Actor,
    permission: Permission,
    target: { objectType: string; objectId?: string | number; unitId?: number | null },
  ): Promise<never> {
    await this.audit.record(this.db.db, actor, { action: 'access.denied', result: 'denied', ...target, detail: { permission } });
    throw new AppError(
      404,
      ErrorCode.NotFound,
      `${target.objectType} ${target.objectId ?? ''} not found`.replace(/\s+not/, ' not'),
    );
  }

  /** Refuses with 403 when the actor holds the permission nowhere (the route gate uses this). */
  async requireAny(actor: Actor, permission: Permission): Promise<void> {
    if (this.can(actor, permission)) return;
    await this.audit.record(this.db.db, actor, { action: 'access.denied', result: 'denied', detail: { permission } });
    throw AppError.forbidden(`Your roles do not include ${permission}`);
  }

  /** The unit, when the actor holds `permission` over it; otherwise 404 (audited). */
  async requireUnit(actor: Actor, permission: Permission, unitId: number): Promise<{ unit: UnitRow; grant: ActorGrant | null }> {
    const unit = await unitsRepo.findById(this.db.db, unitId);
    if (unit && actor.system) return { unit, grant: null };
    const grant = unit ? this.grantFor(actor, permission, unit.path) : null;
    if (!unit || !grant)
      return this.deny(actor, permission, { objectType: 'unit', objectId: unitId, unitId: unit ? unitId : null });
    return { unit, grant };
  }

  /** Same, for a record whose unit is already known (households, assignments…). */
  async requirePath(
    actor: Actor,
    permission: Permission,
    path: string,
    target: { objectType: string; objectId: string | number; unitId: number },
  ) {
    if (actor.system) return null;
    const grant = this.grantFor(actor, permission, path);
    if (!grant) return this.deny(actor, permission, target);
    return grant;
  }
}

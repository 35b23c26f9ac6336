/** SQL for accounts, grants and sessions. */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../db/types.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const authRepo = {
  async userByName(db: Q, username: string) {
    return db
      .selectFrom('user_account')
      .selectAll()
      .where(sql`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
  },

  async userById(db: Q, id: number) {
    return db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updateUser(db: Q, id: number, patch: Updateable<Database['user_account']>) {
    await db.updateTable('user_account').set(patch).where('id', '=', id).execute();
  },

  /** Active grants with their unit's path (what scope checks need). */
  async activeGrants(db: Q, userId: number) {
    return db
      .selectFrom('role_grant as g')
      .innerJoin('unit as u', 'u.id', 'g.unit_id')
      .select([
        'g.id',
        'g.role',
        'g.unit_id',
        'g.department_id',
        'g.granted_at',
        'g.revoked_at',
        'u.path',
        'u.code',
        'u.name',
        'u.kind',
      ])
      .where('g.user_id', '=', userId)
      .where('g.revoked_at', 'is', null)
      .where('u.status', '=', 'active')
      .orderBy('g.id')
      .execute();
  },

  async insertSession(db: Q, row: Insertable<Database['session']>) {
    await db.insertInto('session').values(row).execute();
  },

  async session(db: Q, id: string) {
    return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Everything a request's authentication needs in one statement: the session, its user's status and
   * names, and the user's active grants with their unit's path (the gate runs on every request).
   */
  async authenticationOf(db: Q, id: string) {
    return db
      .selectFrom('session as s')
      .innerJoin('user_account as a', 'a.id', 's.user_id')
      .selectAll('s')
      .select(['a.username', 'a.display_name', 'a.status as user_status'])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('role_grant as g')
            .innerJoin('unit as u', 'u.id', 'g.unit_id')
            .select(['g.id', 'g.role', 'g.unit_id', 'g.department_id', 'u.path'])
            .whereRef('g.user_id', '=', 's.user_id')
            .where('g.revoked_at', 'is', null)
            .where('u.status', '=', 'active')
            .orderBy('g.id'),
        ).as('grants'),
      )
      .where('s.id', '=', id)
      .executeTakeFirst();
  },

  async touchSession(db: Q, id: string, at: Date) {
    await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
  },

  async setStage(db: Q, id: string, stage: string) {
    await db.updateTable('session').set({ stage }).where('id', '=', id).execute();
  },

  async endSession(db: Q, id: string, at: Date, reason: string) {
    await db
      .updateTable('session')
      .set({ ended_at: at, end_reason: reason })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .execute();
  },

  async endUserSessions(db: Q, userId: number, at: Date, reason: string, exceptId?: string) {
    let q = db
      .updateTable('session')
      .set({ ended_at: at, end_reason: reason })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
  },

  async openSessions(db: Q, userId: number) {
    return db
      .selectFrom('session')
      .selectAll()
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  },
};

export type UserRow = NonNullable<Awaited<ReturnType<typeof authRepo.userById>>>;
export type GrantRow = Awaited<ReturnType<typeof authRepo.activeGrants>>[number];
export type SessionRow = NonNullable<Awaited<ReturnType<typeof authRepo.session>>>;
export type Authentication = NonNullable<Awaited<ReturnType<typeof authRepo.authenticationOf>>>;

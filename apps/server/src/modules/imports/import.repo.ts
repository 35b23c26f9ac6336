/** SQL of the import jobs (`import_job`) and their rejected rows (`import_rejection`), any kind. */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { ImportJobTable } from '../../db/tables/people.ts';
import type { Actor } from '../access/actor.ts';
import type { AccessService } from '../access/access.service.ts';
import { Permission } from '@wangge/contracts';

type Q = Kysely<Database> | Transaction<Database>;

export const importRepo = {
  find(q: Q, id: number) {
    return q.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(q: Q, values: Insertable<ImportJobTable>): Promise<number> {
    return (await q.insertInto('import_job').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },

  async update(
    q: Q,
    id: number,
    patch: Pick<Updateable<ImportJobTable>, 'status' | 'message' | 'started_at' | 'finished_at' | 'purged_at' | 'updated_at'>,
  ) {
    await q.updateTable('import_job').set(patch).where('id', '=', id).execute();
  },

  /** The latest 50 jobs of a kind in the actor's area. */
  listInScope(q: Q, access: AccessService, actor: Actor, kind: string) {
    return q
      .selectFrom('import_job as j')
      .innerJoin('unit as u', 'u.id', 'j.unit_id')
      .selectAll('j')
      .where('j.kind', '=', kind)
      .where(access.scopeCondition(actor, Permission.PeopleWrite, 'u.path'))
      .orderBy('j.id', 'desc')
      .limit(50)
      .execute();
  },

  unitOf(q: Q, unitId: number) {
    return q.selectFrom('unit').select(['id', 'path']).where('id', '=', unitId).executeTakeFirst();
  },

  /** Finished jobs of a kind whose retention ended before `before` and that still hold rejected rows. */
  expired(q: Q, kind: string, before: Date) {
    return q
      .selectFrom('import_job')
      .select(['id', 'file_path'])
      .where('kind', '=', kind)
      .where('status', 'in', ['done', 'failed'])
      .where('purged_at', 'is', null)
      .where('finished_at', '<', before)
      .execute();
  },

  deleteRejections(q: Q, importId: number) {
    return q.deleteFrom('import_rejection').where('import_id', '=', importId).execute();
  },
};

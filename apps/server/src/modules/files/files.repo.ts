/** SQL for attachments. */
import type { AttachmentInfo } from '@wangge/contracts';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { AttachmentTable } from '../../db/tables/files.ts';
import type { Database } from '../../db/types.ts';

type Q = Kysely<Database> | Transaction<Database>;
export type AttachmentRow = Selectable<AttachmentTable>;

export function attachmentInfo(r: AttachmentRow): AttachmentInfo {
  return {
    id: r.id,
    name: r.original_name,
    mime: r.mime,
    size: r.size,
    kind: r.kind,
    ...(r.width !== null ? { width: r.width } : {}),
    ...(r.height !== null ? { height: r.height } : {}),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export const filesRepo = {
  insert(q: Q, rows: Insertable<AttachmentTable>[]): Promise<AttachmentRow[]> {
    return q.insertInto('attachment').values(rows).returningAll().execute();
  },

  findById(q: Q, id: number): Promise<AttachmentRow | undefined> {
    return q.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Locks the rows, so two links of the same upload cannot both succeed. */
  lockByIds(q: Transaction<Database> | Kysely<Database>, ids: number[]): Promise<AttachmentRow[]> {
    return q.selectFrom('attachment').selectAll().where('id', 'in', ids).forUpdate().execute();
  },

  async link(q: Q, ids: number[], owner: { type: string; id: number; unitPath: string }, now: Date): Promise<AttachmentRow[]> {
    return q
      .updateTable('attachment')
      .set({ owner_type: owner.type, owner_id: owner.id, unit_path: owner.unitPath, linked_at: now })
      .where('id', 'in', ids)
      .where('owner_type', 'is', null)
      .returningAll()
      .execute();
  },

  listForOwners(q: Q, ownerType: string, ownerIds: number[]): Promise<AttachmentRow[]> {
    return q
      .selectFrom('attachment')
      .selectAll()
      .where('owner_type', '=', ownerType)
      .where('owner_id', 'in', ownerIds)
      .orderBy('id')
      .execute();
  },

  staleUnlinked(q: Q, before: Date, limit: number): Promise<AttachmentRow[]> {
    return q
      .selectFrom('attachment')
      .selectAll()
      .where('owner_type', 'is', null)
      .where('created_at', '<', before)
      .orderBy('created_at')
      .limit(limit)
      .execute();
  },

  /** Deletes the row only while it is still unlinked and stale; a link that won the race keeps it. */
  async deleteIfStale(q: Q, id: number, before: Date): Promise<boolean> {
    const r = await q
      .deleteFrom('attachment')
      .where('id', '=', id)
      .where('owner_type', 'is', null)
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
};

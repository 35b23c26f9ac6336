/** SQL for the audit log and its seal chain. Rows are only ever inserted. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface AuditInsert {
  at: Date;
  user_id: number | null;
  username: string | null;
  role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  unit_id: number | null;
  result: 'ok' | 'denied' | 'failed';
  ip: string | null;
  request_id: string | null;
  detail: string | null;
}

export const auditRepo = {
  async insert(db: Q, row: AuditInsert) {
    await db.insertInto('audit_log').values(row).execute();
  },

  async list(
    db: Q,
    f: { from?: string; to?: string; userId?: number; action?: string; result?: string },
    limit: number,
    offset: number,
  ) {
    let base = db.selectFrom('audit_log as a').leftJoin('audit_seal as s', 's.audit_id', 'a.id');
    if (f.from) base = base.where('a.at', '>=', new Date(f.from));
    if (f.to) base = base.where('a.at', '<', new Date(f.to));
    if (f.userId) base = base.where('a.user_id', '=', f.userId);
    if (f.action) base = base.where('a.action', 'like', `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (f.result) base = base.where('a.result', '=', f.result as never);
    const [rows, total] = await Promise.all([
      base
        .selectAll('a')
        .select(sql<boolean>`s.seq is not null`.as('sealed'))
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: total.n };
  },

  async lastSeal(db: Q) {
    return db.selectFrom('audit_seal').select(['seq', 'mac']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  },

  async unsealed(db: Q, limit: number) {
    return db
      .selectFrom('audit_log as a')
      .selectAll('a')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('audit_seal as s').select('s.seq').whereRef('s.audit_id', '=', 'a.id'))),
      )
      .orderBy('a.id')
      .limit(limit)
      .execute();
  },

  async insertSeals(db: Q, rows: { audit_id: number; mac: string; sealed_at: Date }[]) {
    if (rows.length) await db.insertInto('audit_seal').values(rows).execute();
  },

  /** Sealed rows in chain order, after a given seq. */
  async chain(db: Q, afterSeq: number, limit: number) {
    return db
      .selectFrom('audit_seal as s')
      .innerJoin('audit_log as a', 'a.id', 's.audit_id')
      .selectAll('a')
      .select(['s.seq', 's.mac'])
      .where('s.seq', '>', afterSeq)
      .orderBy('s.seq')
      .limit(limit)
      .execute();
  },

  async countUnsealed(db: Q) {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log a where not exists (select 1 from audit_seal s where s.audit_id = a.id)`.execute(
      db,
    );
    return r.rows[0]!.n;
  },
};

export type AuditRow = Awaited<ReturnType<typeof auditRepo.unsealed>>[number];

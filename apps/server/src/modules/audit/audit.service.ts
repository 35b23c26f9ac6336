/**
 * The audit log: one record per sensitive action, written in the same transaction as the change;
 * refusals and reveals too. A job seals new rows into an HMAC-SM3 chain (audit_seal); `verify`
 * recomputes the chain and names the first row that no longer matches.
 */
import type { AuditEntry, AuditQuery, AuditVerifyResult, PageOf } from '@wangge/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Database } from '../../db/types.ts';
import type { Clock } from '../../lib/clock.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import type { Actor } from '../access/actor.ts';
import { auditRepo, type AuditRow } from './audit.repo.ts';

export interface AuditEvent {
  action: string;
  result?: 'ok' | 'denied' | 'failed';
  role?: string | null;
  objectType?: string;
  objectId?: string | number;
  unitId?: number | null;
  detail?: Record<string, unknown>;
}

const GENESIS = 'wangge-audit-genesis';

/** The bytes a seal covers: every column, in a fixed order. */
export function canonical(r: AuditRow): string {
  return JSON.stringify([
    Number(r.id),
    new Date(r.at).toISOString(),
    r.user_id,
    r.username,
    r.role,
    r.action,
    r.object_type,
    r.object_id,
    r.unit_id,
    r.result,
    r.ip,
    r.request_id,
    r.detail,
  ]);
}

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
  ) {}

  /** Writes one record. Pass the transaction of the change it records. */
  async record(q: Kysely<Database> | Transaction<Database>, actor: Actor, e: AuditEvent): Promise<void> {
    await auditRepo.insert(q, {
      at: this.clock.now(),
      user_id: actor.userId,
      username: actor.username,
      role: e.role ?? (actor.system ? 'system' : actor.grants.map((g) => g.role).join(',') || null),
      action: e.action,
      object_type: e.objectType ?? null,
      object_id: e.objectId === undefined ? null : String(e.objectId),
      unit_id: e.unitId ?? null,
      result: e.result ?? 'ok',
      ip: actor.ip,
      request_id: actor.requestId,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    });
  }

  async list(q: AuditQuery): Promise<PageOf<AuditEntry>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { rows, total } = await auditRepo.list(this.db.db, q, limit, offset);
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        userId: r.user_id,
        username: r.username,
        role: r.role,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        unitId: r.unit_id,
        result: r.result,
        ip: r.ip,
        requestId: r.request_id,
        detail: r.detail,
        sealed: r.sealed,
      })),
      total,
      limit,
      offset,
    };
  }

  /** Seals unsealed rows in id order, continuing the chain. Safe to run twice at once: one wins. */
  async seal(batch = 5000): Promise<number> {
    return this.db.db.transaction().execute(async (tx) => {
      const rows = await auditRepo.unsealed(tx, batch);
      if (rows.length === 0) return 0;
      let prev = (await auditRepo.lastSeal(tx))?.mac ?? GENESIS;
      const now = this.clock.now();
      const seals = rows.map((r) => {
        prev = this.crypto.sealLink(prev, canonical(r));
        return { audit_id: Number(r.id), mac: prev, sealed_at: now };
      });
      await auditRepo.insertSeals(tx, seals);
      return seals.length;
    });
  }

  async verify(): Promise<AuditVerifyResult> {
    let prev = GENESIS;
    let afterSeq = 0;
    let checked = 0;
    for (;;) {
      const rows = await auditRepo.chain(this.db.db, afterSeq, 5000);
      if (rows.length === 0) break;
      for (const r of rows) {
        const expected = this.crypto.sealLink(prev, canonical(r));
        if (expected !== r.mac) {
          return {
            ok: false,
            checked,
            unsealed: await auditRepo.countUnsealed(this.db.db),
            firstBrokenId: Number(r.id),
            message: `Audit record ${r.id} does not match its seal: it, or the chain before it, was changed.`,
          };
        }
        prev = r.mac;
        checked++;
        afterSeq = Number(r.seq);
      }
    }
    const unsealed = await auditRepo.countUnsealed(this.db.db);
    return {
      ok: true,
      checked,
      unsealed,
      firstBrokenId: null,
      message: `${checked} sealed records verified; ${unsealed} not sealed yet.`,
    };
  }
}

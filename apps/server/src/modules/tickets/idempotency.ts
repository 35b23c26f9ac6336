/**
 * Idempotency-Key: a grid worker's phone on a poor signal retries; the same key with the same body
 * must have one effect and get the first answer again; the same key with another body is a 422.
 * The key row is written in the same transaction as the effect, so a failed attempt leaves no key.
 * A twin arriving while the first is still being processed gets 409 `idempotency_key_in_flight`
 * (as the IETF Idempotency-Key draft says) instead of waiting: it holds no connection meanwhile,
 * and the client retries with the same key and gets the first answer. The transaction-level
 * advisory lock on (user, key) marks "being processed"; it ends with the transaction.
 */
import { createHash } from 'node:crypto';
import { ErrorCode } from '@wangge/contracts';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';

const KEY = /^[\x21-\x7e]{1,100}$/;

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

export function checkKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!KEY.test(key))
    throw AppError.badRequest('Idempotency-Key must be 1–100 visible ASCII characters', [
      { path: '/headers/idempotency-key', message: 'must be 1–100 visible ASCII characters' },
    ]);
  return key;
}

export async function withIdempotency<T>(
  db: Db,
  actor: Actor,
  key: string | undefined,
  request: unknown,
  now: Date,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  if (key === undefined) return { value: await db.db.transaction().execute(work), replayed: false };
  const userId = actor.userId ?? 0;
  const hash = requestHash(request);
  return db.db.transaction().execute(async (trx) => {
    const lock = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_xact_lock(hashtextextended(${`${userId}:${key}`}, 0)) as ok`.execute(trx);
    if (!lock.rows[0]?.ok)
      throw new AppError(
        409,
        ErrorCode.IdempotencyKeyInFlight,
        'A request with this Idempotency-Key is still being processed; retry it with the same key',
      );
    const inserted = await trx
      .insertInto('idempotency_key')
      .values({ user_id: userId, key, request_hash: hash, status: 0, response: 'null', created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) {
      const prior = await trx
        .selectFrom('idempotency_key')
        .select(['request_hash', 'response'])
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (prior.request_hash !== hash)
        throw new AppError(422, ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used for a different request');
      return { value: prior.response as T, replayed: true };
    }
    const value = await work(trx);
    await trx
      .updateTable('idempotency_key')
      .set({ status: 200, response: JSON.stringify(value) })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
    return { value, replayed: false };
  });
}

/** Forget keys older than a day (a cron job). */
export async function purgeIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const r = await db.db.deleteFrom('idempotency_key').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

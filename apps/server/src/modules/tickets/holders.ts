/**
 * Where a ticket goes: the unit at a handling level above a location, the parent level for an
 * escalation, and the check that a target lies where the actor may send it.
 */
import type { AttachmentInfo, HandlingLevel } from '@wangge/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { levelOfKind } from './tickets.mapper.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface Holder {
  level: HandlingLevel;
  unitId: number;
  unitPath: string;
  departmentId: number | null;
  name: string;
}

/** Files linked to a ticket or a timeline entry (modules/files implements it). */
export interface TicketAttachments {
  listFor(ownerType: string, ownerIds: number[], q?: Kysely<Database>): Promise<Map<number, AttachmentInfo[]>>;
  link(
    trx: Transaction<Database>,
    actor: Actor,
    ids: number[],
    owner: { type: string; id: number | string; unitPath: string },
  ): Promise<unknown>;
}

const order: Record<HandlingLevel, number> = { grid: 4, village: 3, township: 2, county: 1, department: 1 };

/** The units on a path, root first. */
export async function unitsOnPath(q: Q, path: string) {
  const ids = path.split('.').map(Number);
  const rows = await q.selectFrom('unit').select(['id', 'code', 'name', 'kind', 'path']).where('id', 'in', ids).execute();
  return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
}

type ChainUnit = Awaited<ReturnType<typeof unitsOnPath>>[number];

/**
 * The holder at `level` for a ticket located at the last unit of `chain` (root first): the ancestor
 * of that level, or the location itself when it lies above that level; department-level categories
 * start at the county, whose dispatcher sends them on.
 */
export function pickHolder(chain: ChainUnit[], level: HandlingLevel): Holder & { code: string; kind: string } {
  const want = order[level];
  let pick = chain[0]!;
  for (const u of chain) {
    const l = order[levelOfKind(u.kind)];
    if (l <= want && l > order[levelOfKind(pick.kind)]) pick = u;
  }
  return { ...unitHolder(pick), code: pick.code, kind: pick.kind };
}

export function unitHolder(u: { id: number; name: string; kind: string; path: string }): Holder {
  return { level: levelOfKind(u.kind), unitId: u.id, unitPath: u.path, departmentId: null, name: u.name };
}

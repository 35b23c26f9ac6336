/**
 * People, households, grids and staff on duty per unit, for the command center. Base data changes
 * slowly, so the counts per unit are read once (a few GROUP BYs) and kept for a short while; any
 * subtree's figure is then a sum over its units' paths, without touching the big tables per view.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { chinaDay } from '../../lib/periods.ts';

export interface BaseCounts {
  people: number;
  households: number;
  grids: number;
  staffOnDuty: number;
}

export interface UnitCounts extends BaseCounts {
  id: number;
  kind: string;
  path: string;
}

const TTL_MS = 5 * 60_000;

export class BaseCountsCache {
  #units: UnitCounts[] | null = null;
  #loadedAt = 0;
  #loading: Promise<UnitCounts[]> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.#units = null;
  }

  /** Sums for the subtree of each of `paths` (one entry per path, same order). */
  async sums(paths: string[]): Promise<BaseCounts[]> {
    const units = await this.#load();
    return paths.map((p) => {
      const total: BaseCounts = { people: 0, households: 0, grids: 0, staffOnDuty: 0 };
      const prefix = `${p}.`;
      for (const u of units)
        if (u.path === p || u.path.startsWith(prefix)) {
          total.people += u.people;
          total.households += u.households;
          total.grids += u.grids;
          total.staffOnDuty += u.staffOnDuty;
        }
      return total;
    });
  }

  async #load(): Promise<UnitCounts[]> {
    const now = this.clock.now().getTime();
    if (this.#units && now - this.#loadedAt < TTL_MS) return this.#units;
    this.#loading ??= this.#query().finally(() => (this.#loading = null));
    this.#units = await this.#loading;
    this.#loadedAt = now;
    return this.#units;
  }

  async #query(): Promise<UnitCounts[]> {
    return unitBaseCounts(this.db, chinaDay(this.clock.now()));
  }
}

/** Each unit's own people, households, grid (itself, if an active grid) and staff on duty on `day`. */
export async function unitBaseCounts(db: Db, day: string): Promise<UnitCounts[]> {
  const r = await sql<UnitCounts>`
    select u.id, u.kind, u.path::text as path,
      coalesce(p.n, 0)::int as people, coalesce(h.n, 0)::int as households,
      (u.kind = 'grid' and u.status = 'active')::int as grids, coalesce(a.n, 0)::int as "staffOnDuty"
    from unit u
    left join (select unit_id, count(*) as n from person group by unit_id) p on p.unit_id = u.id
    left join (select unit_id, count(*) as n from household group by unit_id) h on h.unit_id = u.id
    left join (select unit_id, count(distinct staff_id) as n from assignment
               where starts_on <= ${day}::date and (ends_on is null or ends_on >= ${day}::date) group by unit_id) a on a.unit_id = u.id`.execute(
    db.db,
  );
  return r.rows;
}

/**
 * A unit with its ancestors (root first), as intake needs them for every report: the scope check
 * and the holder at the category's level. Kept in memory, since the tree changes seldom and a
 * county reports hundreds of times a minute; what is not in memory is read in batches (one
 * statement for the reports that arrive together, lib/batcher.ts).
 *
 * Freshness: every rename, move and retirement made in this process clears it at once (UnitsService
 * onTreeChange); a change made by another process (the CLI) is seen within the TTL. The TTL runs
 * on the monotonic clock: it bounds staleness in real time, it is not business time.
 */
import type { Db } from '../../db/client.ts';
import { Batcher } from '../../lib/batcher.ts';
import { unitsRepo, type ChainUnit } from './units.repo.ts';

export class UnitChains {
  readonly #entries = new Map<number, { chain: ChainUnit[]; at: number }>();
  readonly #loads: Batcher<number, ChainUnit[]>;
  #generation = 0;

  constructor(
    db: Db,
    private readonly ttlMs = 30_000,
    private readonly max = 50_000,
  ) {
    this.#loads = new Batcher((ids) => unitsRepo.chains(db.db, ids));
  }

  /** The unit and its ancestors, root first; empty when there is no such unit. */
  async get(unitId: number): Promise<ChainUnit[]> {
    const e = this.#entries.get(unitId);
    if (e && performance.now() - e.at <= this.ttlMs) return e.chain;
    const generation = this.#generation;
    const chain = await this.#loads.submit(unitId);
    // A change during the read may have made it stale: use it, keep it only if nothing changed.
    if (chain.length > 0 && generation === this.#generation && this.ttlMs > 0) {
      if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(unitId, { chain, at: performance.now() });
    }
    return chain;
  }

  /** Forget everything: called on any rename, move or retirement. */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

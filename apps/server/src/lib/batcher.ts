/**
 * Group commit (and its read twin, batched loads): requests that arrive while earlier ones are
 * being written wait for the next write and go together, one statement and one commit for the
 * group instead of one per request.
 *
 * Under light load an item is written alone, one event-loop turn after it is submitted (no timer,
 * no added latency worth the name); under heavy load the groups grow by themselves to what arrives
 * during one write. Up to `concurrency` groups are written at once (each on its own connection).
 *
 * A group whose write fails is written again item by item, so a bad item fails alone and the
 * others still land: the caller of each item sees its own result or its own error.
 */
export interface BatcherOptions {
  /** Most items in one write. */
  maxGroup?: number;
  /** Groups written at the same time. */
  concurrency?: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

export class Batcher<I, O> {
  readonly #write: (items: I[]) => Promise<O[]>;
  readonly #maxGroup: number;
  readonly #concurrency: number;
  #queue: Waiting<I, O>[] = [];
  #writing = 0;
  #scheduled = false;
  /** Groups written so far and the items in them (for tests and the bench). */
  readonly stats = { groups: 0, items: 0, largest: 0, retriedAlone: 0, writeMs: 0 };

  /** `write` gets the items of a group and returns one result per item, in the same order. */
  constructor(write: (items: I[]) => Promise<O[]>, opts: BatcherOptions = {}) {
    this.#write = write;
    this.#maxGroup = opts.maxGroup ?? 100;
    this.#concurrency = opts.concurrency ?? 2;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /** Items waiting for a write slot. */
  get waiting(): number {
    return this.#queue.length;
  }

  #schedule() {
    if (this.#scheduled || this.#writing >= this.#concurrency || this.#queue.length === 0) return;
    this.#scheduled = true;
    // After the I/O callbacks of this turn: requests that arrived together are written together.
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#writing < this.#concurrency && this.#queue.length > 0) void this.#flush(this.#queue.splice(0, this.#maxGroup));
    });
  }

  async #flush(group: Waiting<I, O>[]) {
    this.#writing++;
    this.stats.groups++;
    this.stats.items += group.length;
    this.stats.largest = Math.max(this.stats.largest, group.length);
    const started = performance.now();
    try {
      const out = await this.#write(group.map((w) => w.item));
      this.stats.writeMs += performance.now() - started;
      if (out.length !== group.length) throw new Error(`group write returned ${out.length} results for ${group.length} items`);
      group.forEach((w, i) => w.resolve(out[i]!));
    } catch (err) {
      if (group.length === 1) group[0]!.reject(err);
      else {
        // One bad item must not fail the others: each alone, one after another.
        this.stats.retriedAlone += group.length;
        for (const w of group) {
          try {
            const [o] = await this.#write([w.item]);
            w.resolve(o!);
          } catch (e) {
            w.reject(e);
          }
        }
      }
    } finally {
      this.#writing--;
      this.#schedule();
    }
  }
}

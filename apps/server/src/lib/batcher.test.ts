import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Batcher', () => {
  it('writes an item alone under light load, in the next turn of the event loop', async () => {
    const groups: number[][] = [];
    const gc = new Batcher(async (items: number[]) => {
      groups.push(items);
      return items.map((i) => i * 10);
    });
    expect(await gc.submit(1)).toBe(10);
    expect(await gc.submit(2)).toBe(20);
    expect(groups).toEqual([[1], [2]]);
  });

  it('groups what arrives while a write is in flight, keeping each caller its own result', async () => {
    const groups: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gc = new Batcher(
      async (items: number[]) => {
        groups.push(items);
        if (groups.length === 1) await gate;
        return items.map((i) => -i);
      },
      { concurrency: 1, maxGroup: 3 },
    );
    const first = gc.submit(1);
    await tick(); // the first write is now in flight
    const rest = [2, 3, 4, 5, 6].map((i) => gc.submit(i));
    await tick();
    expect(gc.waiting).toBe(5);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([-1, -2, -3, -4, -5, -6]);
    expect(groups).toEqual([[1], [2, 3, 4], [5, 6]]);
    expect(gc.stats).toMatchObject({ groups: 3, items: 6, largest: 3, retriedAlone: 0 });
  });

  it('writes a failed group again item by item: only the bad item fails', async () => {
    const gc = new Batcher(
      async (items: number[]) => {
        if (items.includes(13)) throw new Error('unlucky');
        return items;
      },
      { concurrency: 1 },
    );
    // Submitted in one turn: one group of three, which fails, then each alone.
    const results = await Promise.allSettled([12, 13, 14].map((i) => gc.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('unlucky');
    expect(gc.stats).toMatchObject({ groups: 1, retriedAlone: 3 });
  });

  it('refuses a write that returns the wrong number of results', async () => {
    const gc = new Batcher(async () => [] as number[]);
    await expect(gc.submit(1)).rejects.toThrow(/0 results for 1 items/);
  });
});

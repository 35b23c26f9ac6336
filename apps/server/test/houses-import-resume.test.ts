/**
 * A houses import whose runner died resumes after its last committed batch: a building named on
 * both sides of the cut is created once and reused; two runners of one import never both write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/modules/access/actor.ts';
import { BATCH } from '../src/modules/imports/import.service.ts';
import { smallTree } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime();
  t = await smallTree(rt);
  rt.services.houseImport.enqueue = null; // runs in this process, as a worker would
});
afterAll(() => rt.close());

const count = async (table: 'building' | 'house') =>
  Number(
    (
      await rt.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** `total` houses, three to a building, so one building straddles each batch boundary. */
async function jobFor(name: string, total: number) {
  const { houseImport } = rt.services;
  const lines = [
    '所属单元编码,楼栋名称,楼栋地址,房号',
    ...Array.from({ length: total }, (_, i) => `${t.grid.code},${name}${Math.floor(i / 3)}栋,东塘村,${(i % 3) + 1}01`),
  ];
  mkdirSync(houseImport.filesDir, { recursive: true });
  const file = `${houseImport.filesDir}/${name}.csv`;
  writeFileSync(file, lines.join('\n'));
  return houseImport.create(systemActor, { filePath: file, fileName: `${name}.csv`, unitId: t.village.id, mode: 'insert' });
}

const duplicateBuildings = async () =>
  (
    await rt.db.db
      .selectFrom('building')
      .select(['unit_id', 'name'])
      .groupBy(['unit_id', 'name'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()
  ).length;

describe('a stopped houses import', () => {
  it('resumes after its last committed batch, reusing the building it created before the cut', async () => {
    const [buildings, houses] = [await count('building'), await count('house')];
    const total = Math.round(BATCH * 1.5);
    const job = await jobFor('续传', total);
    const { houseImport } = rt.services;
    await expect(
      houseImport.run(job.id, () => {
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect((await houseImport.load(job.id))!.rows_read).toBe(BATCH);
    expect(await count('house')).toBe(houses + BATCH);
    expect(await count('building')).toBe(buildings + Math.ceil(BATCH / 3));

    const done = await houseImport.run(job.id, undefined, { resume: true });
    expect(done).toMatchObject({ status: 'done', rowsRead: total, inserted: total, updated: 0, rejected: 0 });
    expect(await count('house')).toBe(houses + total);
    expect(await count('building')).toBe(buildings + Math.ceil(total / 3));
    expect(await duplicateBuildings()).toBe(0);
  });

  it('lets only one of two runners of the same import write', async () => {
    const [buildings, houses] = [await count('building'), await count('house')];
    const total = Math.round(BATCH * 1.5);
    const job = await jobFor('并发', total);
    const { houseImport } = rt.services;
    const [a, b] = await Promise.all([houseImport.run(job.id), houseImport.run(job.id, undefined, { resume: true })]);
    expect([a.status, b.status]).toContain('done');
    const done = await houseImport.get(systemActor, job.id);
    expect(done).toMatchObject({ status: 'done', rowsRead: total, inserted: total, updated: 0, rejected: 0 });
    expect(await count('house')).toBe(houses + total);
    expect(await count('building')).toBe(buildings + Math.ceil(total / 3));
    expect(await duplicateBuildings()).toBe(0);
  });
});

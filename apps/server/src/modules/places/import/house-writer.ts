/**
 * Writes one checked batch of a houses import in one transaction: the buildings its rows name
 * (a registered one, matched by unit and name, is reused; a new one is created once, with the
 * facts of the first row naming it), its houses (insert; upsert also updates a registered house's
 * area and use, matched by building and 房号), its rejections and the job's counters.
 */
import type { Db } from '../../../db/client.ts';
import { commitBatch } from '../../imports/batch-commit.ts';
import type { BadRow, BatchCounts, CheckedBatch, ImportRun } from '../../imports/import-kind.ts';
import { headerOf } from './house-columns.ts';
import type { HouseGood } from './house-checker.ts';
import { houseKey, housesImportRepo as repo, type HouseRow, type NewBuilding } from './houses-import.repo.ts';

/** Unit and building name → the building's id, for the rest of the run (filled after each commit). */
export type BuildingCache = Map<string, number>;

const buildingKey = (unitId: number, name: string) => `${unitId}\t${name}`;

export async function writeHouses(
  db: Db,
  run: Pick<ImportRun, 'id' | 'mode' | 'seal'>,
  batch: CheckedBatch<HouseGood>,
  buildings: BuildingCache,
  now: Date,
): Promise<BatchCounts> {
  const known = new Map<string, number>();
  const counts = await db.raw.transaction(async (c) => {
    const { good } = batch;
    if (good.length) await repo.lockBuildings(c);
    // The first good row naming each building not seen yet in this run.
    const firstOf = new Map<string, HouseGood>();
    for (const g of good) {
      const key = buildingKey(g.unitId, g.building.name);
      if (!buildings.has(key) && !firstOf.has(key)) firstOf.set(key, g);
    }
    if (firstOf.size) {
      const keys = [...firstOf.values()].map((g) => ({ unit_id: g.unitId, name: g.building.name }));
      for (const b of await repo.findBuildings(c, keys)) known.set(buildingKey(b.unit_id, b.name), b.id);
      const fresh: NewBuilding[] = [...firstOf.entries()]
        .filter(([key]) => !known.has(key))
        .map(([, g]) => ({ unit_id: g.unitId, ...g.building, use: g.building.use ?? 'residential' }));
      if (fresh.length)
        for (const b of await repo.insertBuildings(c, fresh, now)) known.set(buildingKey(b.unit_id, b.name), b.id);
    }
    const houses: (HouseRow & { g: HouseGood })[] = good.map((g) => {
      const key = buildingKey(g.unitId, g.building.name);
      const building_id = buildings.get(key) ?? known.get(key)!;
      return { building_id, unit_id: g.unitId, number: g.house.number, area_m2: g.house.areaM2, use: g.house.use, g };
    });
    const rows = (list: typeof houses): HouseRow[] => list.map(({ g: _g, ...r }) => r);
    const updated = run.mode === 'upsert' && houses.length ? await repo.updateHouses(c, rows(houses)) : new Set<string>();
    const rest = houses.filter((h) => !updated.has(houseKey(h)));
    const inserted = rest.length ? await repo.insertHouses(c, rows(rest), now) : new Set<string>();
    const rejections: BadRow[] = [...batch.bad];
    for (const h of rest) {
      if (inserted.has(houseKey(h))) continue;
      const message =
        run.mode === 'insert'
          ? '该楼栋已登记此房号（如需更新面积和用途，请选择“新增或更新”方式）'
          : '该房号刚被他人登记，请再导入一次此行';
      rejections.push({ rowNumber: h.g.rowNumber, cells: h.g.cells, reasons: [{ column: headerOf('number'), message }] });
    }
    const result = { inserted: inserted.size, updated: updated.size, rejected: rejections.length };
    await commitBatch(c, run, batch, rejections, result, now);
    return result;
  });
  // Only buildings of a committed batch are remembered: a rolled-back batch's ids do not exist.
  for (const [key, id] of known) buildings.set(key, id);
  return counts;
}

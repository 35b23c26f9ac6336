/**
 * One batch of a houses import, checked: each row's cells (house-row.ts), its unit (known, active,
 * inside the import's unit), its point (inside the unit's polygon, or its nearest mapped
 * ancestor's), and the same building and 房号 twice in the file. Units are looked up once per run
 * (`units`), and `seen` remembers every good row's building and 房号 for the rest of the run.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { PolygonGeometry } from '@wangge/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { mapColumns } from '../../imports/columns.ts';
import type { BadRow, CheckedRows, SourceRow } from '../../imports/import-kind.ts';
import { headerOf, houseColumns } from './house-columns.ts';
import { parseHouseRow, type HouseFields } from './house-row.ts';
import { housesImportRepo } from './houses-import.repo.ts';

export interface HouseGood extends SourceRow {
  unitId: number;
  building: HouseFields['building'];
  house: HouseFields['house'];
}

type UnitCheck = { ok: true; id: number; name: string; polygon: PolygonGeometry | null } | { ok: false; message: string };
export type HouseUnitCache = Map<string, UnitCheck>;

export interface HouseRunState {
  units: HouseUnitCache;
  /** Unit, building name and 房号 of every good row so far → its row number. */
  seen: Map<string, number>;
}

const inScope = (path: string, scopePath: string) => path === scopePath || path.startsWith(`${scopePath}.`);

async function lookUpUnits(db: Kysely<Database>, codes: string[], scopePath: string, units: HouseUnitCache) {
  const unknown = [...new Set(codes.filter((c) => c && !units.has(c)))];
  if (!unknown.length) return;
  const found = await housesImportRepo.unitsByCode(db, unknown);
  for (const code of unknown) {
    const u = found.find((f) => f.code === code);
    units.set(
      code,
      !u
        ? { ok: false, message: `单元编码“${code}”不存在` }
        : !inScope(u.path, scopePath)
          ? { ok: false, message: `单元“${u.name}”（${code}）不在本次导入的单元之内，或不在您的管辖范围内` }
          : u.status !== 'active'
            ? { ok: false, message: `单元“${u.name}”（${code}）已撤销` }
            : { ok: true, id: u.id, name: u.name, polygon: u.polygon },
    );
  }
}

export async function checkHouseRows(
  db: Kysely<Database>,
  run: { header: string[]; scopePath: string },
  rows: SourceRow[],
  state: HouseRunState,
): Promise<CheckedRows<HouseGood>> {
  const { index } = mapColumns(houseColumns, run.header);
  const parsed = rows.map((r) => ({ ...r, p: parseHouseRow(r.cells, index) }));
  await lookUpUnits(
    db,
    parsed.map((r) => r.p.fields.unitCode),
    run.scopePath,
    state.units,
  );
  const good: HouseGood[] = [];
  const bad: BadRow[] = [];
  for (const r of parsed) {
    const reasons = [...r.p.problems];
    const { unitCode, building, house } = r.p.fields;
    const unit = unitCode ? state.units.get(unitCode) : undefined;
    if (unit && !unit.ok) reasons.push({ column: headerOf('unitCode'), message: unit.message });
    if (unit?.ok && unit.polygon && building.lng !== null && building.lat !== null) {
      if (!booleanPointInPolygon([building.lng, building.lat], unit.polygon as never))
        reasons.push({
          column: headerOf('lng'),
          message: `坐标（${building.lng}, ${building.lat}）不在单元“${unit.name}”的地图范围内，请核对经纬度或所属单元编码`,
        });
    }
    if (reasons.length || !unit?.ok) {
      bad.push({ rowNumber: r.rowNumber, cells: r.cells, reasons });
      continue;
    }
    const key = `${unit.id}\t${building.name}\t${house.number}`;
    const first = state.seen.get(key);
    if (first !== undefined) {
      const message = `与第 ${first} 行的楼栋和房号重复（同一单元、同一楼栋的房号只能出现一次）`;
      bad.push({ rowNumber: r.rowNumber, cells: r.cells, reasons: [{ column: headerOf('number'), message }] });
      continue;
    }
    state.seen.set(key, r.rowNumber);
    good.push({ rowNumber: r.rowNumber, cells: r.cells, unitId: unit.id, building, house });
  }
  return { good, bad };
}

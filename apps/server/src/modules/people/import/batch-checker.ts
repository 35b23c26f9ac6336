/**
 * One batch of an import's rows, parsed and validated: the good rows (encrypted, blind-indexed,
 * ready to write) and the rejections with a reason per cell. Units are looked up once per import
 * (`units` is the import's cache); households once per batch.
 */
import { householdUnitKinds, type UnitKind } from '@wangge/contracts';
import type { Db } from '../../../db/client.ts';
import type { FieldCrypto } from '../../../lib/field-crypto.ts';
import { checkPerson } from '../person-rules.ts';
import { personLine, timestampCells, type BadRow, type GoodRow } from './batch-writer.ts';
import { mapHeaders } from './columns.ts';
import { parseRow, ruleProblem } from './row-parser.ts';

export type UnitCache = Map<string, { id: number; ok: boolean } | null>;

/**
 * Rows checked between two yields to the event loop. A batch takes ~250 ms of CPU; done in one go
 * it held up the batch being written meanwhile (each of its round trips waited for the check to
 * finish), so writing and checking did not really overlap.
 */
const SLICE = 250;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function checkRows(
  deps: { db: Db; crypto: FieldCrypto },
  job: { header: string[] },
  scopePath: string,
  rows: { rowNumber: number; cells: string[] }[],
  units: UnitCache,
  today: string,
  now: Date,
): Promise<{ good: GoodRow[]; bad: BadRow[] }> {
  const index = mapHeaders(job.header).index;
  const parsed = rows.map((r) => ({ ...r, p: parseRow(r.cells, index) }));
  const unknownCodes = [...new Set(parsed.map((r) => r.p.unitCode).filter((c) => c && !units.has(c)))];
  if (unknownCodes.length) {
    const found = await deps.db.db
      .selectFrom('unit')
      .select(['id', 'code', 'path', 'kind', 'status'])
      .where('code', 'in', unknownCodes)
      .execute();
    for (const c of unknownCodes) {
      const u = found.find((f) => f.code === c);
      units.set(
        c,
        u
          ? {
              id: u.id,
              ok:
                u.status === 'active' &&
                (u.path === scopePath || u.path.startsWith(`${scopePath}.`)) &&
                householdUnitKinds.includes(u.kind as UnitKind),
            }
          : null,
      );
    }
  }
  const householdIds = [...new Set(parsed.map((r) => r.p.householdId).filter((h): h is number => h !== undefined))];
  const households = new Map(
    (householdIds.length
      ? await deps.db.db.selectFrom('household').select(['id', 'unit_id']).where('id', 'in', householdIds).execute()
      : []
    ).map((h) => [h.id, h.unit_id]),
  );
  const good: GoodRow[] = [];
  const bad: BadRow[] = [];
  const seen = new Map<string, number>();
  const stamps = timestampCells(now);
  for (const [i, r] of parsed.entries()) {
    if (i > 0 && i % SLICE === 0) await yieldToIo();
    const reasons = [...r.p.problems];
    const unit = r.p.unitCode ? units.get(r.p.unitCode) : undefined;
    if (r.p.unitCode && (!unit || !unit.ok))
      reasons.push({ column: '所属单元编码', message: '单元编码不存在、不在您的管辖范围内，或不是网格/微网格/联户' });
    if (r.p.householdId !== undefined && unit?.ok && households.get(r.p.householdId) !== unit.id) {
      reasons.push({ column: '户编号', message: '户编号不存在，或该户不在所填单元' });
    }
    const checked = checkPerson(r.p.fields, deps.crypto, today);
    if (!checked.ok)
      for (const p of checked.problems)
        if (!reasons.some((x) => x.column === ruleProblem(p.field, p.message).column))
          reasons.push(ruleProblem(p.field, p.message));
    if (checked.ok) {
      const first = seen.get(checked.row.id_number_bidx);
      if (first !== undefined) reasons.push({ column: '公民身份号码', message: `与第 ${first} 行的公民身份号码重复` });
      else seen.set(checked.row.id_number_bidx, r.rowNumber);
    }
    if (reasons.length || !checked.ok || !unit) bad.push({ rowNumber: r.rowNumber, cells: r.cells, reasons });
    else {
      const row = { ...checked.row, unit_id: unit.id, household_id: r.p.householdId ?? null };
      good.push({ rowNumber: r.rowNumber, cells: r.cells, row, line: personLine(row, stamps) });
    }
  }
  return { good, bad };
}

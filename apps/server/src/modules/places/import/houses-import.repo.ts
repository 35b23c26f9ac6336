/**
 * SQL of the houses import: the units rows name (with the polygon their points must lie in), and
 * one batch's buildings and houses, sent as JSON in a few statements on the batch's transaction.
 */
import type { PolygonGeometry } from '@wangge/contracts';
import { sql, type Kysely } from 'kysely';
import type { RawClient } from '../../../db/client.ts';
import type { Database } from '../../../db/types.ts';

export interface ImportUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  status: 'active' | 'retired';
  /** The unit's polygon, or its nearest ancestor's when it has none; null when none is mapped. */
  polygon: PolygonGeometry | null;
}
export interface NewBuilding {
  unit_id: number;
  name: string;
  address: string;
  lng: number | null;
  lat: number | null;
  floors: number | null;
  use: string;
}
export interface HouseRow {
  building_id: number;
  unit_id: number;
  number: string;
  area_m2: number | null;
  /** Null: a new house is 自住 (ownUse), an updated one keeps its use. */
  use: string | null;
}

/** A house as the batch writer tells them apart: its building and 房号. */
export const houseKey = (r: { building_id: number; number: string }) => `${r.building_id}\t${r.number}`;

export const housesImportRepo = {
  async unitsByCode(db: Kysely<Database>, codes: string[]): Promise<ImportUnit[]> {
    const r = await sql<ImportUnit>`
      select u.id, u.code, u.name, u.path::text as path, u.status,
        (select a.geometry from unit a where a.path @> u.path and a.geometry is not null
         order by nlevel(a.path) desc limit 1) as polygon
      from unit u where u.code = any(${sql.val(codes)}::text[])`.execute(db);
    return r.rows;
  },

  /**
   * Serializes the batches of house imports, so two imports naming one new building create it once.
   * Held to the end of the batch's transaction.
   */
  async lockBuildings(c: RawClient): Promise<void> {
    await c.query(`select pg_advisory_xact_lock(hashtext('wangge.houses.import'))`);
  },

  /** The registered buildings with these units and names (the first registered, should a name repeat). */
  async findBuildings(c: RawClient, keys: { unit_id: number; name: string }[]) {
    const r = await c.query<{ id: number; unit_id: number; name: string }>(
      `select min(b.id) as id, b.unit_id, b.name
       from building b join jsonb_to_recordset($1::jsonb) as k(unit_id int, name text) on b.unit_id = k.unit_id and b.name = k.name
       group by b.unit_id, b.name`,
      [JSON.stringify(keys)],
    );
    return r.rows;
  },

  async insertBuildings(c: RawClient, rows: NewBuilding[], now: Date) {
    const r = await c.query<{ id: number; unit_id: number; name: string }>(
      `insert into building (unit_id, name, address, lng, lat, floors, use, created_at)
       select r.unit_id, r.name, r.address, r.lng, r.lat, r.floors, r.use, $2
       from jsonb_to_recordset($1::jsonb)
         as r(unit_id int, name text, address text, lng float8, lat float8, floors int, use text)
       returning id, unit_id, name`,
      [JSON.stringify(rows), now],
    );
    return r.rows;
  },

  /** Upsert: the registered houses among `rows` get the row's area and use where given. */
  async updateHouses(c: RawClient, rows: HouseRow[]): Promise<Set<string>> {
    const r = await c.query<{ building_id: number; number: string }>(
      `update house h set area_m2 = coalesce(r.area_m2, h.area_m2), use = coalesce(r.use, h.use)
       from jsonb_to_recordset($1::jsonb) as r(building_id int, number text, area_m2 numeric, use text)
       where h.building_id = r.building_id and h.number = r.number
       returning h.building_id, h.number`,
      [JSON.stringify(rows)],
    );
    return new Set(r.rows.map(houseKey));
  },

  /** The houses written (a building and number already registered is left alone). */
  async insertHouses(c: RawClient, rows: HouseRow[], now: Date): Promise<Set<string>> {
    const r = await c.query<{ building_id: number; number: string }>(
      `insert into house (building_id, unit_id, number, area_m2, use, created_at)
       select r.building_id, r.unit_id, r.number, r.area_m2, coalesce(r.use, 'ownUse'), $2
       from jsonb_to_recordset($1::jsonb) as r(building_id int, unit_id int, number text, area_m2 numeric, use text)
       on conflict (building_id, number) do nothing
       returning building_id, number`,
      [JSON.stringify(rows), now],
    );
    return new Set(r.rows.map(houseKey));
  },
};

/**
 * Base data of the demo county at seed 004's proportions: people in families with valid ID
 * numbers (real region codes, consistent sex and birth date), buildings with a point inside their
 * micro-grid, houses, who lives where, rentals of migrant families, organizations and places, and
 * party members (34% working away, as seed 003 counts). Deterministic from the seed's Random.
 */
import type { PolygonGeometry } from '@wangge/contracts';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/types.ts';
import { maskIdNumber, maskPhone, type FieldCrypto } from '../../lib/field-crypto.ts';
import { addressGrams, textGrams } from '../../lib/grams.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { blindIndexOfId, blindIndexOfPhone } from '../people/person-rules.ts';
import { countyCodes } from '../units/division-import.ts';
import { pointInside } from './polygons.ts';
import { chineseName, mobile, type Random } from './random.ts';

export const FULL = { people: 608_096, buildings: 196_197, houses: 284_329, partyMembers: 3_772 };

export interface HouseholdSeed {
  id: number;
  unit_id: number;
  address: string;
  head_name: string;
  member_count: number;
}
export interface BaseDataContext {
  r: Random;
  crypto: FieldCrypto;
  now: Date;
  today: string;
  scale: number;
  households: HouseholdSeed[];
  /** For each household-group unit: the micro-grid polygon, its village and its party group. */
  placeOf: (unitId: number) => { polygon: PolygonGeometry | undefined; villageId: number; partyGroupId: number | undefined };
  villages: { id: number; name: string; polygon: PolygonGeometry | undefined }[];
  ids: {
    person: number;
    building: number;
    house: number;
    residence: number;
    rental: number;
    organization: number;
    partyMember: number;
  };
}

export type Rows = {
  person: Insertable<Database['person']>[];
  building: Insertable<Database['building']>[];
  house: Insertable<Database['house']>[];
  residence: Insertable<Database['residence']>[];
  rental: Insertable<Database['rental']>[];
  rental_tenant: Insertable<Database['rental_tenant']>[];
  organization: Insertable<Database['organization']>[];
  party_member: Insertable<Database['party_member']>[];
};

const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '土家族', '苗族', '侗族', '瑶族'];
const EDUCATION = ['小学', '初中', '初中', '高中', '中专', '大专', '本科'];
const JOBS = ['农民', '农民', '农民', '务工', '个体经营', '教师', '退休', '学生', '无业'];

export function generateBaseData(ctx: BaseDataContext): Rows {
  const { r, crypto, now } = ctx;
  const rows: Rows = {
    person: [],
    building: [],
    house: [],
    residence: [],
    rental: [],
    rental_tenant: [],
    organization: [],
    party_member: [],
  };
  const otherCounties = [...countyCodes().keys()].filter((c) => c.startsWith('43') && c !== '430624');
  const seqs = new Map<string, number>();
  const year = Number(ctx.today.slice(0, 4));
  const newPerson = (h: HouseholdSeed, name: string, age: number, male: boolean, relation: string, migrant: boolean) => {
    const region = migrant ? r.pick(otherCounties) : '430624';
    // Aged `age` today: born this day of the year `age` years ago, or a year earlier if that day is still to come.
    const monthDay = `${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const birth = `${year - age - (monthDay > ctx.today.slice(5) ? 1 : 0)}-${monthDay}`;
    const key = region + birth;
    const n = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, n);
    const id = makeIdNumber(region, birth, Math.min(999, n * 2 - (male ? 1 : 0)));
    const phone = age >= 18 && age <= 75 && r.chance(0.85) ? mobile(r) : null;
    const flags: string[] = [];
    if (age >= 65 && r.chance(0.15)) flags.push('leftBehindElderly');
    if (age < 16 && r.chance(0.1)) flags.push('leftBehindChild');
    if (r.chance(0.02)) flags.push('disabled');
    if (r.chance(0.03)) flags.push('lowIncome');
    if (h.member_count === 1 && age >= 60) flags.push('livingAlone');
    const personId = ++ctx.ids.person;
    rows.person.push({
      id: personId,
      unit_id: h.unit_id,
      household_id: h.id,
      relation_to_head: relation,
      name,
      name_grams: textGrams(name),
      address_grams: addressGrams(h.address),
      sex: male ? 'male' : 'female',
      birth_date: birth,
      ethnicity: r.pick(ETHNICITIES),
      id_number_enc: crypto.encrypt(id),
      id_number_bidx: blindIndexOfId(crypto, id),
      id_number_masked: maskIdNumber(id),
      phone_enc: phone ? crypto.encrypt(phone) : null,
      phone_bidx: phone ? blindIndexOfPhone(crypto, phone) : null,
      phone_masked: phone ? maskPhone(phone) : null,
      residence_type: migrant ? 'migrant' : 'registered',
      education: age >= 7 ? r.pick(EDUCATION) : null,
      occupation: age < 18 ? (age >= 7 ? '学生' : null) : age >= 65 ? '退休' : r.pick(JOBS),
      flags,
      address: h.address,
      created_at: now,
      updated_at: now,
    });
    return { personId, age };
  };

  const addBuilding = (
    unitId: number,
    name: string,
    address: string,
    polygon: PolygonGeometry | undefined,
    use: string,
    floors: number,
  ) => {
    const [lng, lat] = polygon ? pointInside(r, polygon) : [null, null];
    const id = ++ctx.ids.building;
    rows.building.push({ id, unit_id: unitId, name, address, lng, lat, floors, use, created_at: now });
    return id;
  };
  const addHouse = (buildingId: number, unitId: number, number: string, use: string) => {
    const id = ++ctx.ids.house;
    rows.house.push({ id, building_id: buildingId, unit_id: unitId, number, area_m2: r.int(60, 220), use, created_at: now });
    return id;
  };

  const adults: { personId: number; age: number; partyGroupId: number | undefined }[] = [];
  // Families: most registered in their own house; about 9% migrant families renting in a neighbour's building.
  let lastOwn: { buildingId: number; unitId: number; headId: number; rentals: number } | null = null;
  for (const h of ctx.households) {
    const migrant = lastOwn !== null && lastOwn.unitId === h.unit_id && r.chance(0.09);
    const headAge = r.int(28, 82);
    const headMale = r.chance(0.82);
    const members: { personId: number; age: number }[] = [newPerson(h, h.head_name, headAge, headMale, '户主', migrant)];
    if (h.member_count >= 2)
      members.push(newPerson(h, chineseName(r), Math.max(20, headAge + r.int(-5, 5)), !headMale, '配偶', migrant));
    for (let k = 2; k < h.member_count; k++) {
      const older = k === 4 && headAge < 55;
      const age = older ? headAge + r.int(22, 30) : Math.max(0, headAge - r.int(22, 34) - (k > 3 ? 25 : 0));
      members.push(
        newPerson(h, chineseName(r), Math.min(100, age), r.chance(0.52), older ? '父母' : k > 3 ? '孙子女' : '子女', migrant),
      );
    }
    const place = ctx.placeOf(h.unit_id);
    let houseId: number;
    if (migrant && lastOwn) {
      houseId = addHouse(lastOwn.buildingId, h.unit_id, `出租${++lastOwn.rentals}`, 'rented');
      const rentalId = ++ctx.ids.rental;
      rows.rental.push({
        id: rentalId,
        house_id: houseId,
        landlord_person_id: lastOwn.headId,
        from_date: `${year - r.int(0, 4)}-03-01`,
        to_date: null,
        created_at: now,
      });
      for (const m of members) rows.rental_tenant.push({ rental_id: rentalId, person_id: m.personId });
    } else {
      const buildingId = addBuilding(h.unit_id, h.address, h.address, place.polygon, 'residential', r.int(1, 3));
      houseId = addHouse(buildingId, h.unit_id, '1', 'ownUse');
      lastOwn = { buildingId, unitId: h.unit_id, headId: members[0]!.personId, rentals: 0 };
      // Some family buildings hold a second, vacant or business unit.
      if (r.chance(0.3)) addHouse(buildingId, h.unit_id, '2', r.pick(['vacant', 'business', 'rented']));
    }
    members.forEach((m, i) =>
      rows.residence.push({
        id: ++ctx.ids.residence,
        person_id: m.personId,
        house_id: houseId,
        kind: migrant ? 'tenant' : i === 0 ? 'owner' : 'family',
        from_date: `${year - Math.min(m.age, 30)}-01-01`,
        to_date: null,
      }),
    );
    for (const m of members) if (m.age >= 18) adults.push({ personId: m.personId, age: m.age, partyGroupId: place.partyGroupId });
  }

  // Party members: exactly the county's share (3,772 of 608,096 at scale 1), drawn among the adults.
  const partyTarget = Math.min(adults.length, Math.round(FULL.partyMembers * ctx.scale));
  for (let i = 0; i < partyTarget; i++) {
    const j = r.int(i, adults.length - 1);
    [adults[i], adults[j]] = [adults[j]!, adults[i]!];
  }
  for (const m of adults.slice(0, partyTarget).sort((a, b) => a.personId - b.personId))
    rows.party_member.push({
      id: ++ctx.ids.partyMember,
      person_id: m.personId,
      party_group_id: m.partyGroupId ?? null,
      joined_on: `${year - r.int(1, Math.max(1, m.age - 18))}-07-01`,
      working_away: r.chance(0.342),
      created_at: now,
    });

  // Buildings and houses beyond the families': shops, workshops, public buildings, up to the county's totals.
  const extraBuildings = Math.max(0, Math.round(FULL.buildings * ctx.scale) - rows.building.length);
  for (let i = 0; i < extraBuildings; i++) {
    const v = ctx.villages[i % ctx.villages.length]!;
    const h = ctx.households[r.int(0, ctx.households.length - 1)]!;
    const use = r.pick(['commercial', 'public', 'agricultural', 'mixed', 'industrial']);
    const b = addBuilding(
      h.unit_id,
      `${v.name.replace(/(村民|居民)委员会$/, '')}${use === 'public' ? '公共用房' : '经营用房'}${i + 1}`,
      h.address,
      v.polygon,
      use,
      r.int(1, 4),
    );
    addHouse(b, h.unit_id, '1', use === 'commercial' || use === 'mixed' ? 'business' : 'vacant');
  }
  const houseTarget = Math.round(FULL.houses * ctx.scale);
  for (let i = 0; rows.house.length < houseTarget && rows.building.length > 0; i++) {
    const b = rows.building[(i * 7919) % rows.building.length]!;
    addHouse(b.id!, b.unit_id, `附${i + 1}`, r.pick(['vacant', 'rented', 'business']));
  }

  // Organizations and places, in each village.
  for (const v of ctx.villages) {
    const n = r.int(3, 9);
    const unitId = ctx.households.find((h) => ctx.placeOf(h.unit_id).villageId === v.id)?.unit_id;
    if (!unitId) continue;
    for (let k = 0; k < n; k++) {
      const kind = r.pick(['shop', 'shop', 'shop', 'privateEnterprise', 'socialOrganization', 'publicPlace', 'school']);
      const label =
        {
          shop: '商店',
          privateEnterprise: '农业合作社',
          socialOrganization: '平安乡村协会',
          publicPlace: '文化广场',
          school: '小学',
        }[kind] ?? '场所';
      const [lng, lat] = v.polygon ? pointInside(r, v.polygon) : [null, null];
      const phone = mobile(r);
      const orgName = `${v.name.replace(/(村民|居民)委员会$/, '')}${label}${k + 1}`;
      rows.organization.push({
        id: ++ctx.ids.organization,
        unit_id: unitId,
        name: orgName,
        name_grams: textGrams(orgName),
        kind,
        contact_name: chineseName(r),
        contact_phone_enc: crypto.encrypt(phone),
        contact_phone_masked: maskPhone(phone),
        address: v.name,
        lng,
        lat,
        created_at: now,
      });
    }
  }
  return rows;
}

/** SQL for people: search (scoped, CJK-aware), profile, writes. */
import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface PersonFilter {
  scope: Expression<SqlBool>;
  withinPath?: string;
  nameGrams?: string[];
  nameLike?: string;
  /** Blind indexes of the document number searched (one per document type it could be). */
  idBidx?: string[];
  phoneBidx?: string;
  addressGrams?: string[];
  addressLike?: string;
  residenceType?: string;
  bornFrom?: string;
  bornTo?: string;
  flag?: string;
  householdId?: number;
  sort?: 'name' | 'birthDate' | '-birthDate' | 'updatedAt' | '-updatedAt';
}

export { addressQueryGrams, queryGrams } from '../../lib/grams.ts';

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const ESTIMATE_CAP = 10_000;

const columns = [
  'p.id',
  'p.household_id',
  'p.relation_to_head',
  'p.name',
  'p.sex',
  'p.birth_date',
  'p.ethnicity',
  'p.id_type',
  'p.id_number_masked',
  'p.phone_masked',
  'p.residence_type',
  'p.education',
  'p.occupation',
  'p.flags',
  'p.address',
  'p.version',
  'p.updated_at',
  'u.id as unit_id',
  'u.code as unit_code',
  'u.name as unit_name',
  'u.kind as unit_kind',
] as const;

/** A house with its building, as a residence or a rental shows it (`h` house, `b` building). */
const houseColumns = ['h.id as house_id', 'h.number', 'b.id as building_id', 'b.name as building_name', 'b.address'] as const;

export const peopleRepo = {
  base(db: Q, f: PersonFilter) {
    let q = db.selectFrom('person as p').innerJoin('unit as u', 'u.id', 'p.unit_id').where(f.scope);
    if (f.withinPath) q = q.where(sql<SqlBool>`u.path <@ ${f.withinPath}::ltree`);
    if (f.nameGrams?.length)
      q = q.where(sql<SqlBool>`p.name_grams @> ${sql.val(f.nameGrams)}::text[]`).where('p.name', 'like', like(f.nameLike!));
    if (f.idBidx) q = q.where('p.id_number_bidx', 'in', f.idBidx.length > 0 ? f.idBidx : ['']);
    if (f.phoneBidx) q = q.where('p.phone_bidx', '=', f.phoneBidx);
    if (f.addressGrams?.length) q = q.where(sql<SqlBool>`p.address_grams @> ${sql.val(f.addressGrams)}::text[]`);
    // A one-character address has no bigram to look up: LIKE alone answers it.
    if (f.addressLike) q = q.where('p.address', 'like', like(f.addressLike));
    if (f.residenceType) q = q.where('p.residence_type', '=', f.residenceType);
    if (f.bornFrom) q = q.where('p.birth_date', '>=', f.bornFrom);
    if (f.bornTo) q = q.where('p.birth_date', '<=', f.bornTo);
    // "<> '{}'" lets the planner use the partial index of the people who carry a flag (0023).
    if (f.flag) q = q.where(sql<SqlBool>`p.flags @> array[${f.flag}]::text[] and p.flags <> '{}'`);
    if (f.householdId !== undefined) q = q.where('p.household_id', '=', f.householdId);
    return q;
  },

  /** How many people the filter selects, counting no further than `max`. */
  async countUpTo(db: Q, f: PersonFilter, max: number): Promise<number> {
    const c = await db
      .selectFrom(this.base(db, f).select('p.id').limit(max).as('c'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(c.n);
  },

  async search(db: Q, f: PersonFilter, limit: number, offset: number) {
    const base = this.base(db, f);
    const order = f.sort ?? 'name';
    let rows = base.select(columns);
    rows =
      order === 'name'
        ? rows.orderBy('p.name').orderBy('p.id')
        : order === 'birthDate'
          ? rows.orderBy('p.birth_date').orderBy('p.id')
          : order === '-birthDate'
            ? rows.orderBy('p.birth_date', 'desc').orderBy('p.id')
            : order === 'updatedAt'
              ? rows.orderBy('p.updated_at').orderBy('p.id')
              : rows.orderBy('p.updated_at', 'desc').orderBy('p.id');
    const page = rows.limit(limit).offset(offset);
    // Counting a million-row subtree exactly is not worth the wait: cap it and say so.
    const counted = () =>
      db
        .selectFrom(
          base
            .select('p.id')
            .limit(ESTIMATE_CAP + 1)
            .as('c'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((c) => c.n);
    let items: Awaited<ReturnType<typeof page.execute>>;
    let n: number;
    if (f.idBidx !== undefined || f.phoneBidx !== undefined) {
      // An exact lookup (ID number, phone) finds a handful of people: a page that is not full is
      // the whole answer, so the count statement is only sent when it is needed.
      items = await page.execute();
      n = items.length < limit && (items.length > 0 || offset === 0) ? offset + items.length : await counted();
    } else if (f.nameGrams?.length || f.addressGrams?.length) {
      // A text search reads every match anyway (the gram index returns them unordered, then they
      // are sorted): the same scan counts them, instead of a second statement reading them again.
      const withCount = await page.select(sql<number>`count(*) over ()`.as('full_count')).execute();
      items = withCount;
      n = withCount.length > 0 ? Number(withCount[0]!.full_count) : await counted();
    } else [items, n] = await Promise.all([page.execute(), counted()]);
    return { rows: items, total: Math.min(n, ESTIMATE_CAP), estimate: n > ESTIMATE_CAP };
  },

  async findById(db: Q, id: number) {
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unit_id')
      .select(columns)
      .select(['u.path as unit_path', 'p.id_number_enc', 'p.phone_enc'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  },

  async insert(db: Q, row: Insertable<Database['person']>) {
    return db.insertInto('person').values(row).returning('id').executeTakeFirstOrThrow();
  },

  async household(db: Q, householdId: number) {
    const h = await db
      .selectFrom('household')
      .select(['id', 'address', 'head_name', 'unit_id'])
      .where('id', '=', householdId)
      .executeTakeFirst();
    if (!h) return null;
    const members = await db
      .selectFrom('person')
      .select(['id', 'name', 'relation_to_head', 'birth_date'])
      .where('household_id', '=', householdId)
      .orderBy('id')
      .execute();
    return { ...h, members };
  },

  async residences(db: Q, personId: number) {
    return db
      .selectFrom('residence as r')
      .innerJoin('house as h', 'h.id', 'r.house_id')
      .innerJoin('building as b', 'b.id', 'h.building_id')
      .select(['r.id', 'r.kind', 'r.from_date', 'r.to_date', ...houseColumns])
      .where('r.person_id', '=', personId)
      .orderBy('r.from_date', 'desc')
      .execute();
  },

  /** Rentals the person is in as landlord or tenant, newest first, with the other parties' names. */
  async rentals(db: Q, personId: number) {
    return db
      .selectFrom('rental as r')
      .innerJoin('house as h', 'h.id', 'r.house_id')
      .innerJoin('building as b', 'b.id', 'h.building_id')
      .innerJoin('person as l', 'l.id', 'r.landlord_person_id')
      .select([
        'r.id',
        'r.from_date',
        'r.to_date',
        ...houseColumns,
        'l.id as landlord_id',
        'l.name as landlord_name',
        sql<{ id: number; name: string }[]>`coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.id)
          from rental_tenant rt join person p on p.id = rt.person_id where rt.rental_id = r.id), '[]'::json)`.as('tenants'),
      ])
      .where((eb) =>
        eb.or([
          eb('r.landlord_person_id', '=', personId),
          eb.exists(
            eb
              .selectFrom('rental_tenant as x')
              .select('x.rental_id')
              .whereRef('x.rental_id', '=', 'r.id')
              .where('x.person_id', '=', personId),
          ),
        ]),
      )
      .orderBy('r.from_date', 'desc')
      .execute();
  },

  async partyMember(db: Q, personId: number) {
    return db
      .selectFrom('party_member as m')
      .leftJoin('party_group as g', 'g.id', 'm.party_group_id')
      .select(['m.joined_on', 'm.working_away', 'g.name as group_name'])
      .where('m.person_id', '=', personId)
      .executeTakeFirst();
  },
};

export type PersonListRow = Awaited<ReturnType<typeof peopleRepo.search>>['rows'][number];

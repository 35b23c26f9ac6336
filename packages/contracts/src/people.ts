/**
 * Base data (GB/T 31000 "9+X"): people (实有人口), buildings (楼栋), houses (房屋), residences,
 * rentals, organizations and places, party members; and their Excel/CSV import and export.
 * ID numbers and phones are always answered masked; the full value is a separate audited reveal.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { DateOnly, DateTime, Id, Name, Page, PageQuery, Text } from './common.ts';
import { UnitRef } from './units.ts';

export const ResidenceTypes = ['registered', 'migrant', 'unregistered', 'foreign'] as const;
export const ResidenceType = Type.Enum(ResidenceTypes);
export type ResidenceType = (typeof ResidenceTypes)[number];

/** Vulnerable groups and other care flags (关爱对象). */
export const PersonFlags = [
  'leftBehindElderly',
  'leftBehindChild',
  'leftBehindWoman',
  'disabled',
  'lowIncome',
  'extremePoverty',
  'livingAlone',
  'veteran',
] as const;
export const PersonFlag = Type.Enum(PersonFlags);
export type PersonFlag = (typeof PersonFlags)[number];

export const Sex = Type.Enum(['male', 'female'] as const);

/**
 * The identity document a person is registered with: the resident ID (居民身份证) for the mainland;
 * for people from outside it (境外人员) also the Hong Kong/Macao/Taiwan residence permit (港澳台居民
 * 居住证), the foreign permanent residence ID (外国人永久居留身份证), a passport (护照) or a travel
 * permit (往来内地/大陆通行证). Only the first three hold the birth date and sex.
 */
export const IdTypes = ['residentId', 'residencePermit', 'foreignPermanentId', 'passport', 'travelPermit'] as const;
export const IdType = Type.Enum(IdTypes);
export type IdType = (typeof IdTypes)[number];

export const Person = Type.Object({
  id: Id,
  unit: UnitRef,
  householdId: Type.Union([Id, Type.Null()]),
  relationToHead: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  sex: Sex,
  birthDate: DateOnly,
  age: Type.Integer(),
  ethnicity: Type.Union([Type.String(), Type.Null()]),
  idType: IdType,
  idNumber: Type.String({ description: 'Masked: first 3 and last 4 (18 characters), else first 1 and last 3' }),
  phone: Type.Union([Type.String({ description: 'Masked: 138****1234' }), Type.Null()]),
  residenceType: ResidenceType,
  education: Type.Union([Type.String(), Type.Null()]),
  occupation: Type.Union([Type.String(), Type.Null()]),
  flags: Type.Array(PersonFlag),
  address: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  updatedAt: DateTime,
});
export type Person = Static<typeof Person>;

export const PersonInput = Type.Object(
  {
    unitId: Id,
    name: Name,
    /** Default residentId; the others only for residenceType foreign. */
    idType: Type.Optional(IdType),
    idNumber: Type.String({ minLength: 5, maxLength: 20 }),
    /** Derived from a resident ID, residence permit or permanent residence ID (when given it must agree); required with the other documents. */
    sex: Type.Optional(Sex),
    birthDate: Type.Optional(DateOnly),
    ethnicity: Type.Optional(Type.String({ maxLength: 20 })),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
    residenceType: ResidenceType,
    education: Type.Optional(Type.String({ maxLength: 20 })),
    occupation: Type.Optional(Type.String({ maxLength: 50 })),
    householdId: Type.Optional(Id),
    relationToHead: Type.Optional(Type.String({ maxLength: 20 })),
    flags: Type.Optional(Type.Array(PersonFlag, { uniqueItems: true, maxItems: PersonFlags.length })),
    address: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;
/** What an edit may empty: null removes the value (a phone no longer in use, a person leaving a household). */
const orNull = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
export const PersonUpdate = Type.Object(
  {
    ...Type.Partial(
      Type.Omit(PersonInput, [
        'idNumber',
        'idType',
        'householdId',
        'relationToHead',
        'ethnicity',
        'phone',
        'education',
        'occupation',
        'address',
      ]),
    ).properties,
    householdId: orNull(Id),
    relationToHead: orNull(Type.String({ maxLength: 20 })),
    ethnicity: orNull(Type.String({ maxLength: 20 })),
    phone: orNull(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
    education: orNull(Type.String({ maxLength: 20 })),
    occupation: orNull(Type.String({ maxLength: 50 })),
    address: orNull(Text(200)),
    version: Type.Integer(),
  },
  // The document (type and number) is never edited: naming it is a 400, not silently ignored.
  { additionalProperties: false },
);
export type PersonUpdate = Static<typeof PersonUpdate>;

export const PersonSort = Type.Enum(['name', 'birthDate', '-birthDate', 'updatedAt', '-updatedAt'] as const);
export const PersonQuery = Type.Object(
  {
    within: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Name (partial, Chinese)' })),
    idNumber: Type.Optional(
      Type.String({ minLength: 5, maxLength: 20, pattern: '^[0-9A-Za-z]+$', description: 'Exact document number, of any type' }),
    ),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    residenceType: Type.Optional(ResidenceType),
    ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
    ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
    flag: Type.Optional(PersonFlag),
    householdId: Type.Optional(Id),
    sort: Type.Optional(PersonSort),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PersonQuery = Static<typeof PersonQuery>;
export const PersonPage = Type.Intersect([
  Page(Person),
  Type.Object({ totalIsEstimate: Type.Boolean({ description: 'true when more than 10,000 matched' }) }),
]);

export const ResidenceEntry = Type.Object({
  id: Id,
  house: Type.Object({ id: Id, number: Type.String(), buildingId: Id, buildingName: Type.String(), address: Type.String() }),
  kind: Type.Enum(['owner', 'family', 'tenant', 'other'] as const),
  fromDate: DateOnly,
  toDate: Type.Union([DateOnly, Type.Null()]),
});
/** A rental (出租) the person is in, as landlord or as one of the tenants. */
export const RentalEntry = Type.Object({
  id: Id,
  role: Type.Enum(['landlord', 'tenant'] as const),
  house: Type.Object({ id: Id, number: Type.String(), buildingId: Id, buildingName: Type.String(), address: Type.String() }),
  landlord: Type.Object({ id: Id, name: Type.String() }),
  tenants: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  fromDate: DateOnly,
  toDate: Type.Union([DateOnly, Type.Null()]),
});
export const PersonProfile = Type.Object({
  person: Person,
  household: Type.Union([
    Type.Object({
      id: Id,
      address: Type.String(),
      headName: Type.String(),
      members: Type.Array(
        Type.Object({
          id: Id,
          name: Type.String(),
          relationToHead: Type.Union([Type.String(), Type.Null()]),
          age: Type.Integer(),
        }),
      ),
    }),
    Type.Null(),
  ]),
  residences: Type.Array(ResidenceEntry),
  rentals: Type.Array(RentalEntry),
  partyMember: Type.Union([
    Type.Object({
      joinedOn: Type.Union([DateOnly, Type.Null()]),
      workingAway: Type.Boolean(),
      partyGroup: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type PersonProfile = Static<typeof PersonProfile>;

// ---- Buildings and houses ----
export const BuildingUses = ['residential', 'commercial', 'mixed', 'public', 'industrial', 'agricultural', 'other'] as const;
export const HouseUses = ['ownUse', 'rented', 'vacant', 'business'] as const;
export const Building = Type.Object({
  id: Id,
  unit: UnitRef,
  name: Type.String(),
  address: Type.String(),
  lng: Type.Union([Type.Number(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  floors: Type.Union([Type.Integer(), Type.Null()]),
  use: Type.Enum(BuildingUses),
  houses: Type.Integer(),
  residents: Type.Integer(),
});
export type Building = Static<typeof Building>;
export const BuildingInput = Type.Object(
  {
    /** The unit; or give lng/lat and the lowest unit containing the point is used. */
    unitId: Type.Optional(Id),
    name: Name,
    address: Type.String({ minLength: 1, maxLength: 200 }),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    floors: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    use: Type.Enum(BuildingUses),
  },
  { additionalProperties: false },
);
export const BuildingQuery = Type.Object(
  { within: Id, q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), ...PageQuery },
  { additionalProperties: false },
);
export const BuildingPage = Page(Building);

export const House = Type.Object({
  id: Id,
  buildingId: Id,
  number: Type.String(),
  areaM2: Type.Union([Type.Number(), Type.Null()]),
  use: Type.Enum(HouseUses),
  residents: Type.Array(Type.Object({ personId: Id, name: Type.String(), kind: Type.String(), fromDate: DateOnly })),
});
export type House = Static<typeof House>;
export const HouseInput = Type.Object(
  {
    buildingId: Id,
    unitId: Type.Optional(Id),
    number: Type.String({ minLength: 1, maxLength: 20 }),
    areaM2: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    use: Type.Enum(HouseUses),
  },
  { additionalProperties: false },
);
export const ResidenceInput = Type.Object(
  { personId: Id, houseId: Id, kind: Type.Enum(['owner', 'family', 'tenant', 'other'] as const), fromDate: DateOnly },
  { additionalProperties: false },
);
/** A person moves out: the residence ends that day. */
export const ResidenceEnd = Type.Object({ toDate: DateOnly }, { additionalProperties: false });
export const RentalInput = Type.Object(
  {
    houseId: Id,
    landlordPersonId: Id,
    tenantPersonIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
    fromDate: DateOnly,
    toDate: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);

// ---- Organizations and party members ----
export const OrganizationKinds = ['socialOrganization', 'privateEnterprise', 'school', 'shop', 'publicPlace', 'other'] as const;
export const Organization = Type.Object({
  id: Id,
  unit: UnitRef,
  name: Type.String(),
  kind: Type.Enum(OrganizationKinds),
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
});
export const OrganizationInput = Type.Object(
  {
    unitId: Type.Optional(Id),
    name: Name,
    kind: Type.Enum(OrganizationKinds),
    contactName: Type.Optional(Name),
    contactPhone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
    address: Type.Optional(Text(200)),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  },
  { additionalProperties: false },
);
export const OrganizationQuery = Type.Object(
  {
    within: Id,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    kind: Type.Optional(Type.Enum(OrganizationKinds)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const OrganizationPage = Page(Organization);

export const PartyMemberInput = Type.Object(
  { personId: Id, partyGroupId: Type.Optional(Id), joinedOn: Type.Optional(DateOnly), workingAway: Type.Boolean() },
  { additionalProperties: false },
);

// ---- Import and export ----
export const ImportMode = Type.Enum(['insert', 'upsert'] as const);
/** What an import brings in: people (one row per person), or houses (one row per house, with its building's facts). */
export const ImportKinds = ['people', 'houses'] as const;
export type ImportKindName = (typeof ImportKinds)[number];
/**
 * Why an uploaded file was refused, as the message of its `/body/file` field error (the detail
 * says it in words): the web app shows each in the user's language.
 */
export const ImportFileProblems = ['empty', 'oldXls', 'notText', 'unreadable', 'noRows', 'headers'] as const;
export type ImportFileProblem = (typeof ImportFileProblems)[number];
export const ImportJob = Type.Object({
  id: Id,
  kind: Type.Enum(ImportKinds),
  mode: ImportMode,
  format: Type.Enum(['csv', 'xlsx'] as const),
  fileName: Type.String(),
  fileBytes: Type.Integer(),
  status: Type.Enum(['queued', 'running', 'done', 'failed'] as const),
  rowsRead: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Integer(),
  rowsPerSecond: Type.Union([Type.Number(), Type.Null()]),
  etaSeconds: Type.Union([Type.Number(), Type.Null()]),
  progress: Type.Number({ minimum: 0, maximum: 1, description: 'Share of the file read' }),
  message: Type.Union([Type.String(), Type.Null()]),
  /** Running or queued without progress for 5 minutes: its runner stopped (a crashed server). */
  stalled: Type.Boolean(),
  /** Stalled or failed, and not yet purged: `POST …/imports/:id/resume` goes on after the last committed batch. */
  resumable: Type.Boolean(),
  hasErrorReport: Type.Boolean(),
  /** When the rejected rows, and so the error report, are deleted (null: no report). */
  errorReportUntil: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  finishedAt: Type.Union([DateTime, Type.Null()]),
});
export type ImportJob = Static<typeof ImportJob>;
export const ExportQuery = Type.Intersect([
  Type.Omit(PersonQuery, ['limit', 'offset', 'sort']),
  Type.Object({ format: Type.Enum(['csv', 'xlsx'] as const) }),
]);

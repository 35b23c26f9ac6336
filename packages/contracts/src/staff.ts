/**
 * Staff (people who work the grid) and their role assignments at units, with history.
 * Phones are encrypted at rest and always answered masked (138****1234).
 */
import { Type, type Static } from 'typebox';
import { DateOnly, Id, Name, Page, PageQuery, Text } from './common.ts';
import { UnitRef } from './units.ts';

export const StaffRoles = [
  'gridLeader',
  'gridWorker',
  'microGridWorker',
  'householdLead',
  'guide',
  'liaison',
  'residentRep',
  'infoOfficer',
  'welfarePost',
] as const;
export type StaffRole = (typeof StaffRoles)[number];
export const StaffRole = Type.Enum(StaffRoles);

/** Where each role is held (domain.md §3). */
export const roleUnitKinds: Record<StaffRole, readonly string[]> = {
  gridLeader: ['grid'],
  gridWorker: ['grid'],
  microGridWorker: ['microGrid'],
  householdLead: ['microGrid', 'householdGroup'],
  guide: ['grid'],
  liaison: ['grid'],
  residentRep: ['grid', 'microGrid'],
  infoOfficer: ['grid'],
  welfarePost: ['village', 'grid'],
};

export const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'Mainland mobile number, 11 digits' });

export const Staff = Type.Object({
  id: Id,
  unitId: Id,
  name: Type.String(),
  phone: Type.String({ description: 'Masked: 138****1234' }),
  partyMember: Type.Boolean(),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type Staff = Static<typeof Staff>;

export const StaffCreate = Type.Object(
  {
    unitId: Type.Integer({
      minimum: 1,
      maximum: 2_147_483_647,
      description: 'The unit registering the person: its officials see and edit the record',
    }),
    name: Name,
    phone: Phone,
    partyMember: Type.Optional(Type.Boolean()),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type StaffCreate = Static<typeof StaffCreate>;

export const Assignment = Type.Object({
  id: Id,
  staff: Type.Object({ id: Id, name: Type.String(), phone: Type.String() }),
  unit: UnitRef,
  role: StaffRole,
  post: Type.Union([Type.String(), Type.Null()]),
  startsOn: DateOnly,
  endsOn: Type.Union([DateOnly, Type.Null()]),
  active: Type.Boolean(),
});
export type Assignment = Static<typeof Assignment>;

export const AssignmentCreate = Type.Object(
  {
    staffId: Id,
    unitId: Id,
    role: StaffRole,
    /** For welfarePost: the post held (护林员, 保洁员, 地灾员…). */
    post: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    startsOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type AssignmentCreate = Static<typeof AssignmentCreate>;

export const AssignmentEnd = Type.Object(
  { endsOn: Type.Optional(DateOnly), reason: Type.Optional(Text(500)) },
  { additionalProperties: false },
);

export const RosterQuery = Type.Object(
  {
    within: Id,
    role: Type.Optional(StaffRole),
    active: Type.Optional(Type.Boolean({ default: true })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type RosterQuery = Static<typeof RosterQuery>;
export const AssignmentPage = Page(Assignment);

export const PartyGroup = Type.Object({ id: Id, name: Type.String(), village: UnitRef, grids: Type.Array(UnitRef) });
export type PartyGroup = Static<typeof PartyGroup>;
export const PartyGroupCreate = Type.Object(
  { name: Name, gridIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }) },
  { additionalProperties: false },
);

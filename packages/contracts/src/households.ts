/** Households (户): each belongs to the lowest unit that contains it; moves keep history. */
import { Type, type Static } from 'typebox';
import { DateTime, Id, Name, Page, PageQuery, Text } from './common.ts';
import { UnitRef } from './units.ts';

export const Household = Type.Object({
  id: Id,
  unit: UnitRef,
  address: Type.String(),
  headName: Type.String(),
  memberCount: Type.Integer({ minimum: 0 }),
  updatedAt: DateTime,
});
export type Household = Static<typeof Household>;

export const HouseholdCreate = Type.Object(
  {
    unitId: Id,
    address: Type.String({ minLength: 1, maxLength: 200 }),
    headName: Name,
    memberCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type HouseholdCreate = Static<typeof HouseholdCreate>;

export const HouseholdMove = Type.Object({ unitId: Id, reason: Type.Optional(Text(500)) }, { additionalProperties: false });

export const HouseholdListQuery = Type.Object(
  { within: Id, q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), ...PageQuery },
  { additionalProperties: false },
);
export type HouseholdListQuery = Static<typeof HouseholdListQuery>;
export const HouseholdPage = Page(Household);

export const HouseholdMoveEntry = Type.Object({
  at: DateTime,
  from: UnitRef,
  to: UnitRef,
  reason: Type.Union([Type.String(), Type.Null()]),
});
export const HouseholdHistory = Type.Array(HouseholdMoveEntry);

/** Coverage of a unit: its children with counts rolled up from their whole subtrees. */
import { Type, type Static } from 'typebox';
import { SizingWarning, UnitRef } from './units.ts';

const Counts = Type.Object({
  units: Type.Record(Type.String(), Type.Integer(), { description: 'Units by kind, whole subtree, excluding the row itself' }),
  staff: Type.Record(Type.String(), Type.Integer(), { description: 'Active assignments by role' }),
  households: Type.Integer(),
  warnings: Type.Integer(),
});
export const CoverageRow = Type.Object({ unit: UnitRef, counts: Counts });
export const Coverage = Type.Object({
  unit: UnitRef,
  total: Counts,
  rows: Type.Array(CoverageRow),
  warnings: Type.Array(SizingWarning, { description: 'The first 200 warnings in the subtree' }),
});
export type Coverage = Static<typeof Coverage>;
export type CoverageRow = Static<typeof CoverageRow>;

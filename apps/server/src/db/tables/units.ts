import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  level: number;
  parent_id: number | null;
  path: string;
  status: Generated<'active' | 'retired'>;
  geometry: ColumnType<unknown | null, string | null, string | null>;
  child_seq: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  retired_at: Timestamp | null;
}

export interface UnitHistoryTable {
  id: Generated<number>;
  unit_id: number;
  at: Timestamp;
  change: 'created' | 'renamed' | 'moved' | 'retired' | 'geometry';
  before: ColumnType<Record<string, unknown> | null, string | null, never>;
  after: ColumnType<Record<string, unknown> | null, string | null, never>;
  reason: string | null;
}

export interface DepartmentTable {
  id: Generated<number>;
  unit_id: number;
  code: string;
  name: string;
  kind: 'bureau' | 'station';
  status: Generated<'active' | 'retired'>;
}

export interface StaffTable {
  id: Generated<number>;
  /** The unit that registered the person: whose officials may see and edit the record. */
  unit_id: number;
  name: string;
  phone_enc: string;
  phone_masked: string;
  phone_bidx: string;
  party_member: Generated<boolean>;
  note: string | null;
  created_at: Timestamp;
}

export interface AssignmentTable {
  id: Generated<number>;
  staff_id: number;
  unit_id: number;
  role: string;
  post: string | null;
  starts_on: string;
  ends_on: string | null;
  end_reason: string | null;
  created_at: Timestamp;
}

export interface PartyGroupTable {
  id: Generated<number>;
  village_id: number;
  name: string;
  created_at: Timestamp;
}

export interface PartyGroupGridTable {
  party_group_id: number;
  grid_id: number;
}

export interface HouseholdTable {
  id: Generated<number>;
  unit_id: number;
  address: string;
  head_name: string;
  member_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HouseholdMoveTable {
  id: Generated<number>;
  household_id: number;
  from_unit_id: number;
  to_unit_id: number;
  at: Timestamp;
  reason: string | null;
}

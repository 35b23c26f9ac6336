import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Unigrams and bigrams for CJK search (lib/grams.ts). */
type Grams = ColumnType<string[], string[] | undefined, string[]>;

export interface PersonTable {
  id: Generated<number>;
  unit_id: number;
  household_id: number | null;
  relation_to_head: string | null;
  name: string;
  name_grams: Grams;
  sex: 'male' | 'female';
  birth_date: string;
  ethnicity: string | null;
  /** lib/id-documents.ts; default residentId. */
  id_type: ColumnType<string, string | undefined, string>;
  id_number_enc: string;
  id_number_bidx: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_masked: string | null;
  residence_type: string;
  education: string | null;
  occupation: string | null;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  address: string | null;
  address_grams: Grams;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BuildingTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  address: string;
  lng: number | null;
  lat: number | null;
  floors: number | null;
  use: string;
  created_at: Timestamp;
}

export interface HouseTable {
  id: Generated<number>;
  building_id: number;
  unit_id: number;
  number: string;
  area_m2: number | null;
  use: string;
  created_at: Timestamp;
}

export interface ResidenceTable {
  id: Generated<number>;
  person_id: number;
  house_id: number;
  kind: string;
  from_date: string;
  to_date: string | null;
}

export interface RentalTable {
  id: Generated<number>;
  house_id: number;
  landlord_person_id: number;
  from_date: string;
  to_date: string | null;
  created_at: Timestamp;
}

export interface RentalTenantTable {
  rental_id: number;
  person_id: number;
}

export interface OrganizationTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  name_grams: Grams;
  kind: string;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  created_at: Timestamp;
}

export interface PartyMemberTable {
  id: Generated<number>;
  person_id: number;
  party_group_id: number | null;
  joined_on: string | null;
  working_away: Generated<boolean>;
  created_at: Timestamp;
}

export interface ImportJobTable {
  id: Generated<number>;
  kind: string;
  mode: 'insert' | 'upsert';
  format: 'csv' | 'xlsx';
  file_name: string;
  file_path: string;
  file_bytes: number;
  bytes_read: Generated<number>;
  header: ColumnType<string[], string, string>;
  unit_id: number;
  created_by: number | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  rows_read: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  rejected: Generated<number>;
  /** When its rejected rows were deleted (retention ended); the error report is gone from then. */
  purged_at: Timestamp | null;
  message: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface ImportRejectionTable {
  import_id: number;
  id: Generated<number>;
  row_number: number;
  /** The row's cells as JSON, encrypted with the field key (they hold ID numbers and phones). */
  row_data_enc: string;
  reasons: ColumnType<{ column: string; message: string }[], string, string>;
}

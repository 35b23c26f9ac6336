/**
 * Kysely table types. One interface per table, named as the glossary names the concept;
 * each module's tables live in db/tables/<module>.ts and are gathered here.
 */
import type { AuditLogTable, AuditSealTable, RoleGrantTable, SessionTable, UserAccountTable } from './tables/access.ts';
import type {
  BuildingTable,
  HouseTable,
  ImportJobTable,
  ImportRejectionTable,
  OrganizationTable,
  PartyMemberTable,
  PersonImportStageTable,
  PersonTable,
  RentalTable,
  RentalTenantTable,
  ResidenceTable,
} from './tables/people.ts';
import type {
  AssignmentTable,
  DepartmentTable,
  HouseholdMoveTable,
  HouseholdTable,
  PartyGroupGridTable,
  PartyGroupTable,
  StaffTable,
  UnitHistoryTable,
  UnitTable,
} from './tables/units.ts';

export interface Database {
  unit: UnitTable;
  unit_history: UnitHistoryTable;
  department: DepartmentTable;
  staff: StaffTable;
  assignment: AssignmentTable;
  party_group: PartyGroupTable;
  party_group_grid: PartyGroupGridTable;
  household: HouseholdTable;
  household_move: HouseholdMoveTable;
  user_account: UserAccountTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  audit_seal: AuditSealTable;
  person: PersonTable;
  building: BuildingTable;
  house: HouseTable;
  residence: ResidenceTable;
  rental: RentalTable;
  rental_tenant: RentalTenantTable;
  organization: OrganizationTable;
  party_member: PartyMemberTable;
  import_job: ImportJobTable;
  import_rejection: ImportRejectionTable;
  person_import_stage: PersonImportStageTable;
}

/**
 * Kysely table types. One interface per table, named as the glossary names the concept;
 * each module's tables live in db/tables/<module>.ts and are gathered here.
 */
import type { UnitDayFigureTable } from './tables/dashboard.ts';
import type { WorkCalendarNeedTable, WorkCalendarYearTable } from './tables/calendar.ts';
import type { AttachmentTable } from './tables/files.ts';
import type { AuditLogTable, AuditSealTable, RoleGrantTable, SessionTable, UserAccountTable } from './tables/access.ts';
import type {
  BuildingTable,
  HouseTable,
  ImportJobTable,
  ImportRejectionTable,
  OrganizationTable,
  PartyMemberTable,
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
import type {
  IdempotencyKeyTable,
  SupervisionCounterTable,
  SupervisionNoticeTable,
  TicketCategoryTable,
  TicketEventTable,
  TicketExtensionTable,
  TicketNotificationTable,
  TicketStatMonthTable,
  TicketStatTable,
  TicketStatVillageTable,
  TicketTable,
} from './tables/tickets.ts';

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
  attachment: AttachmentTable;
  work_calendar_year: WorkCalendarYearTable;
  work_calendar_need: WorkCalendarNeedTable;
  ticket_category: TicketCategoryTable;
  ticket: TicketTable;
  ticket_event: TicketEventTable;
  ticket_extension: TicketExtensionTable;
  supervision_counter: SupervisionCounterTable;
  supervision_notice: SupervisionNoticeTable;
  ticket_notification: TicketNotificationTable;
  idempotency_key: IdempotencyKeyTable;
  ticket_stat: TicketStatTable;
  ticket_stat_month: TicketStatMonthTable;
  ticket_stat_village: TicketStatVillageTable;
  unit_day_figure: UnitDayFigureTable;
}

import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface TicketCategoryTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string;
  name: string;
  default_level: string;
  default_department_id: number | null;
  deadline_class: 'ordinary' | 'major';
  deadlines: Json<unknown | null>;
  fields_schema: Json<Record<string, unknown> | null>;
  duplicate_radius_m: number;
  duplicate_window_days: number;
  allow_skip_levels: boolean;
  status: 'active' | 'retired';
  sort: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TicketTable {
  id: number;
  code: string;
  title: string;
  description: string;
  category_id: number;
  channel: string;
  urgency: 'normal' | 'urgent';
  state: string;
  version: Generated<number>;
  unit_id: number;
  unit_path: string;
  lng: number | null;
  lat: number | null;
  address: string | null;
  household_id: number | null;
  person_ids: number[];
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_masked: string | null;
  reported_by: number | null;
  holder_level: string;
  holder_unit_id: number;
  holder_unit_path: string;
  holder_department_id: number | null;
  prev_holder_unit_id: number | null;
  prev_holder_department_id: number | null;
  department_ids: number[];
  handled_level: string | null;
  self_resolved: boolean;
  fields: Json<Record<string, unknown>>;
  attachment_ids: number[];
  received_at: Timestamp;
  accepted_at: Timestamp | null;
  dispatched_at: Timestamp | null;
  feedback_at: Timestamp | null;
  resolved_at: Timestamp | null;
  resolved_by: number | null;
  verified_at: Timestamp | null;
  closed_at: Timestamp | null;
  accept_due_at: Timestamp;
  accept_yellow_at: Timestamp;
  feedback_due_at: Timestamp;
  feedback_yellow_at: Timestamp;
  resolve_due_at: Timestamp;
  resolve_yellow_at: Timestamp;
  resolve_original_due_at: Timestamp;
  light: 'green' | 'yellow' | 'red' | null;
  light_at: Timestamp | null;
  next_check_at: Timestamp | null;
  supervision_level: string | null;
  result: 'onTime' | 'overdue' | null;
  workdays_to_close: number | null;
  calendar_warning: string | null;
  evaluation: 'satisfied' | 'basically' | 'unsatisfied' | null;
  evaluation_comment: string | null;
  evaluated_at: Timestamp | null;
  return_count: number;
  escalation_count: number;
  redo_count: number;
  extension_count: number;
  duplicate_candidates: number[];
  duplicate_of: number | null;
  consultation: Json<{ participants: string[]; decision: string; committedDate: string; at: string } | null>;
  updated_at: Timestamp;
}

export interface TicketEventTable {
  id: Generated<string>;
  ticket_id: number;
  seq: number;
  op: string;
  at: Timestamp;
  actor_user_id: number | null;
  actor_name: string;
  from_state: string | null;
  to_state: string;
  from_holder: string | null;
  to_holder: string | null;
  note: string | null;
  detail: Json<Record<string, unknown>>;
  attachment_ids: number[];
}

export interface TicketExtensionTable {
  id: Generated<number>;
  ticket_id: number;
  workdays: number;
  reason: string;
  requested_by: number | null;
  requested_at: Timestamp;
  status: Generated<'pending' | 'approved' | 'refused'>;
  decided_by: number | null;
  decided_at: Timestamp | null;
}

export interface SupervisionCounterTable {
  year: number;
  last_seq: number;
}

export interface SupervisionNoticeTable {
  id: Generated<number>;
  ticket_id: number;
  stage: string;
  level: string;
  breach_due_at: Timestamp;
  year: number;
  seq: number;
  addressed_to: string;
  holder_unit_id: number;
  holder_department_id: number | null;
  unit_id: number;
  unit_path: string;
  issued_at: Timestamp;
}

export interface TicketNotificationTable {
  id: Generated<string>;
  ticket_id: number;
  kind: string;
  light: string | null;
  target_unit_id: number | null;
  target_department_id: number | null;
  at: Timestamp;
}

export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  request_hash: string;
  status: number;
  response: Json<unknown>;
  created_at: Timestamp;
}

/** Per day of receipt, township and category: the tickets' contributions (migration 0008). */
export interface TicketStatTable {
  day: string;
  area_path: string;
  category_id: number;
  received: number;
}

/** The same per month (its first day; migration 0009). */
export interface TicketStatMonthTable {
  month: string;
  area_path: string;
  category_id: number;
  received: number;
}

/** Per day of receipt and village, all categories (migration 0008). */
export interface TicketStatVillageTable {
  day: string;
  area_path: string;
  received: number;
  rejected: number;
  open: number;
  closed: number;
  closed_on_time: number;
  evaluated: number;
  satisfied: number;
  basically: number;
  self_resolved: number;
  redone: number;
  returned: number;
  responded: number;
  lvl_grid: number;
  lvl_village: number;
  lvl_township: number;
  lvl_county: number;
  lvl_department: number;
  wd_close_sum: number;
  wd_close_n: number;
}

import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UserAccountTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  unit_id: number;
  staff_id: number | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  status: Generated<'active' | 'disabled'>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  totp_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  recovery_codes: ColumnType<string[], string | undefined, string>;
  password_changed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number;
  department_id: number | null;
  granted_by: number | null;
  granted_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  stage: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  username: string | null;
  role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  unit_id: number | null;
  result: 'ok' | 'denied' | 'failed';
  ip: string | null;
  request_id: string | null;
  detail: ColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface AuditSealTable {
  seq: Generated<number>;
  audit_id: number;
  mac: string;
  sealed_at: Timestamp;
}

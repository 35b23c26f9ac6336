/**
 * Sign-in, sessions, second factor, user accounts, role grants and the audit log.
 */
import { Type, type Static } from 'typebox';
import { DateTime, Id, Name, Page, PageQuery, Text } from './common.ts';
import { UnitRef } from './units.ts';
import { UserRoles, type UserRoleName } from './permissions.ts';

export const UserRole = Type.Enum(UserRoles);
export type UserRole = UserRoleName;
export const Username = Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9._-]+$' });
export const Password = Type.String({ minLength: 1, maxLength: 128 });
export const TotpCode = Type.String({ pattern: '^[0-9]{6}$' });

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Password },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/** What the session may do next: everything, or only finish signing in. */
export const SessionStage = Type.Union([
  Type.Literal('active'),
  Type.Literal('totpRequired'),
  Type.Literal('totpEnrollRequired'),
  Type.Literal('passwordChangeRequired'),
]);
export type SessionStage = Static<typeof SessionStage>;

export const Grant = Type.Object({
  id: Id,
  role: UserRole,
  unit: UnitRef,
  departmentId: Type.Union([Id, Type.Null()]),
  grantedAt: DateTime,
  revokedAt: Type.Union([DateTime, Type.Null()]),
});
export type Grant = Static<typeof Grant>;

export const Me = Type.Object({
  user: Type.Object({ id: Id, username: Type.String(), displayName: Type.String(), totpEnabled: Type.Boolean() }),
  stage: SessionStage,
  grants: Type.Array(Grant),
  permissions: Type.Array(Type.String(), { description: 'Every permission the user holds somewhere' }),
  csrfToken: Type.String({ description: 'Send back as X-CSRF-Token on every write' }),
  sessionExpiresAt: DateTime,
});
export type Me = Static<typeof Me>;

export const TotpLogin = Type.Object(
  { code: Type.Optional(TotpCode), recoveryCode: Type.Optional(Type.String({ minLength: 8, maxLength: 20 })) },
  { additionalProperties: false },
);
export const TotpEnrollment = Type.Object({ secret: Type.String(), otpauthUrl: Type.String(), qrDataUrl: Type.String() });
export const TotpConfirm = Type.Object({ code: TotpCode }, { additionalProperties: false });
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

export const PasswordChange = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });

export const SessionInfo = Type.Object({
  id: Type.String(),
  current: Type.Boolean(),
  createdAt: DateTime,
  lastSeenAt: DateTime,
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});
export type SessionInfo = Static<typeof SessionInfo>;
export const SessionId = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }) }, { additionalProperties: false });

// ---- Administration ----
export const UserAccount = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  unit: UnitRef,
  staffId: Type.Union([Id, Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  totpEnabled: Type.Boolean(),
  lockedUntil: Type.Union([DateTime, Type.Null()]),
  grants: Type.Array(Grant),
});
export type UserAccount = Static<typeof UserAccount>;

export const UserCreate = Type.Object(
  { username: Username, displayName: Name, unitId: Id, staffId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;
export const UserCreated = Type.Object({
  user: UserAccount,
  initialPassword: Type.String({ description: 'Shown once; the user must change it at first sign-in' }),
});
export const UserListQuery = Type.Object(
  { within: Type.Optional(Id), q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), ...PageQuery },
  { additionalProperties: false },
);
export const UserPage = Page(UserAccount);

export const GrantCreate = Type.Object(
  { userId: Id, role: UserRole, unitId: Id, departmentId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type GrantCreate = Static<typeof GrantCreate>;

// ---- Audit ----
export const AuditResult = Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')]);
export const AuditEntry = Type.Object({
  id: Id,
  at: DateTime,
  userId: Type.Union([Id, Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Id, Type.Null()]),
  result: AuditResult,
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  sealed: Type.Boolean(),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditQuery = Type.Object(
  {
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    userId: Type.Optional(Id),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    result: Type.Optional(AuditResult),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditPage = Page(AuditEntry);
export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  unsealed: Type.Integer(),
  firstBrokenId: Type.Union([Id, Type.Null()]),
  message: Type.String(),
});
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
export const RevealResponse = Type.Object({ value: Type.String() });
export const Reason = Type.Object({ reason: Type.Optional(Text(500)) }, { additionalProperties: false });

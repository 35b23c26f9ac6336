/**
 * Roles a user account can be granted at a unit, and what each may do there (in that unit's
 * subtree). The server checks these in one place (`requireAccess`); the web app hides what the
 * user may not do. The three administrators (三权分立) are mutually exclusive.
 */
export const Permission = {
  UnitsRead: 'units.read',
  UnitsWrite: 'units.write',
  StaffRead: 'staff.read',
  StaffWrite: 'staff.write',
  HouseholdsRead: 'households.read',
  HouseholdsWrite: 'households.write',
  PeopleRead: 'people.read',
  PeopleWrite: 'people.write',
  PeopleExport: 'people.export',
  PersonalReveal: 'personal.reveal',
  DashboardRead: 'dashboard.read',
  UsersManage: 'users.manage',
  GrantsManage: 'grants.manage',
  AuditRead: 'audit.read',
  ConfigManage: 'config.manage',
  KeyPersonsRead: 'keyPersons.read',
  /** Tickets in the subtree (department handlers: those dispatched to their department). */
  TicketsRead: 'tickets.read',
  /** Report a new ticket (intake). */
  TicketsReport: 'tickets.report',
  /** Work the loop on tickets held by one's unit or department, or by units below it. */
  TicketsHandle: 'tickets.handle',
  /** The command center's dispatch rights: assign anywhere in the subtree, transfer, decide extensions. */
  TicketsDispatch: 'tickets.dispatch',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const UserRoles = [
  'countyDispatcher',
  'countyLeader',
  'townshipOfficial',
  'villageOfficial',
  'gridLeader',
  'gridWorker',
  'departmentHandler',
  'systemAdmin',
  'securityAdmin',
  'auditAdmin',
] as const;
export type UserRoleName = (typeof UserRoles)[number];

/** 三权分立: no account holds two of these. */
export const adminRoles: readonly UserRoleName[] = ['systemAdmin', 'securityAdmin', 'auditAdmin'];

const P = Permission;
const read = [P.UnitsRead, P.StaffRead, P.HouseholdsRead, P.PeopleRead];
const edit = [P.HouseholdsWrite, P.PeopleWrite];
const tickets = [P.TicketsRead, P.TicketsReport, P.TicketsHandle];
export const rolePermissions: Record<UserRoleName, readonly Permission[]> = {
  countyDispatcher: [...read, ...tickets, P.TicketsDispatch, P.DashboardRead, P.PersonalReveal, P.PeopleExport],
  countyLeader: [...read, P.TicketsRead, P.DashboardRead],
  townshipOfficial: [
    ...read,
    ...edit,
    ...tickets,
    P.UnitsWrite,
    P.StaffWrite,
    P.PersonalReveal,
    P.PeopleExport,
    P.DashboardRead,
    P.KeyPersonsRead,
  ],
  villageOfficial: [
    ...read,
    ...edit,
    ...tickets,
    P.UnitsWrite,
    P.StaffWrite,
    P.PersonalReveal,
    P.PeopleExport,
    P.DashboardRead,
    P.KeyPersonsRead,
  ],
  gridLeader: [...read, ...edit, ...tickets, P.PersonalReveal],
  gridWorker: [...read, ...edit, ...tickets],
  departmentHandler: [P.UnitsRead, P.TicketsRead, P.TicketsHandle],
  systemAdmin: [P.UnitsRead, P.UnitsWrite, P.UsersManage, P.ConfigManage],
  securityAdmin: [P.UnitsRead, P.GrantsManage],
  auditAdmin: [P.AuditRead],
};

export function roleHas(role: UserRoleName, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Roles that must sign in with a second factor (TOTP). */
export function roleNeedsSecondFactor(role: UserRoleName): boolean {
  return adminRoles.includes(role) || roleHas(role, Permission.KeyPersonsRead);
}

/** Builds API answers for component tests: valid by default, each test overrides what it is about. */
import type { Assignment, Me, PageOf, Staff, Unit, UnitDetail, UnitKind, UnitRef, UserRoleName } from '@wangge/contracts';
import { rolePermissions, unitLevel } from '@wangge/contracts';

let nextId = 1000;

export function page<T>(items: T[], total = items.length): PageOf<T> {
  return { items, total, limit: 500, offset: 0 };
}

export function unit(overrides: Partial<Unit> & { kind: UnitKind; name: string }): Unit {
  const id = overrides.id ?? nextId++;
  return {
    id,
    code: `360000${String(id).padStart(6, '0')}`,
    level: unitLevel[overrides.kind],
    parentId: null,
    status: 'active',
    hasGeometry: false,
    childCount: 0,
    version: 1,
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

export function ref(u: Unit): UnitRef {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind };
}

export function detail(u: Unit, ancestors: Unit[] = [], extra: Partial<Omit<UnitDetail, 'unit' | 'ancestors'>> = {}): UnitDetail {
  return { unit: u, ancestors: ancestors.map(ref), households: 0, warnings: [], ...extra };
}

export function staff(overrides: Partial<Staff> & { name: string }): Staff {
  return { id: nextId++, unitId: 1, phone: '138****1234', partyMember: false, note: null, ...overrides };
}

export function assignment(s: Staff, at: Unit, overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: nextId++,
    staff: { id: s.id, name: s.name, phone: s.phone },
    unit: ref(at),
    role: 'gridWorker',
    post: null,
    startsOn: '2026-01-01',
    endsOn: null,
    active: true,
    ...overrides,
  };
}

/** The answer of /api/v1/auth/me for a user holding one role at one unit. */
export function me(role: UserRoleName, at: Unit): Me {
  return {
    user: { id: 1, username: role, displayName: role, totpEnabled: false },
    stage: 'active',
    grants: [{ id: 1, role, unit: ref(at), departmentId: null, grantedAt: '2026-01-01T00:00:00.000Z', revokedAt: null }],
    permissions: [...rolePermissions[role]],
    csrfToken: 'csrf-test',
    sessionExpiresAt: '2026-03-02T08:30:00.000Z',
  };
}

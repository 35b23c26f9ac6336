/** Builds people API answers for component tests: valid by default, each test overrides what it is about. */
import type { Person, PersonProfile, UnitRef } from '@wangge/contracts';
import type { PersonPage } from '../api/get-people.ts';

let nextId = 5000;

export function person(overrides: Partial<Person> & { name: string; unit: UnitRef }): Person {
  return {
    id: nextId++,
    householdId: null,
    relationToHead: null,
    sex: 'male',
    birthDate: '1958-04-02',
    age: 67,
    ethnicity: '汉族',
    idType: 'residentId',
    idNumber: '430***********1234',
    phone: '138****1234',
    residenceType: 'registered',
    education: null,
    occupation: null,
    flags: [],
    address: '东街社区3组12号',
    version: 1,
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

export function personPage(items: Person[], extra: Partial<PersonPage> = {}): PersonPage {
  return { items, total: items.length, totalIsEstimate: false, limit: 50, offset: 0, ...extra };
}

export function profile(p: Person, extra: Partial<Omit<PersonProfile, 'person'>> = {}): PersonProfile {
  return { person: p, household: null, residences: [], rentals: [], partyMember: null, ...extra };
}

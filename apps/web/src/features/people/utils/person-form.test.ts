import { describe, expect, it } from 'vitest';
import type { Person } from '@wangge/contracts';
import { personValues, toPersonInput, toPersonUpdate } from './person-form.ts';

const grid = { id: 7, code: '430624101001001', name: '东街一网格', kind: 'grid' as const };
const anna: Person = {
  id: 21,
  unit: grid,
  householdId: 301,
  relationToHead: '户主',
  name: 'Anna Müller',
  sex: 'female',
  birthDate: '1990-05-06',
  age: 35,
  ethnicity: null,
  idType: 'passport',
  idNumber: 'E*****678',
  phone: '139****0021',
  residenceType: 'foreign',
  education: null,
  occupation: null,
  flags: ['livingAlone', 'lowIncome'],
  address: null,
  version: 3,
  updatedAt: '2026-03-01T08:00:00.000Z',
};

describe('what the person form sends', () => {
  it('registers with what was filled in, trimmed, the number in capitals without spaces', () => {
    expect(
      toPersonInput({
        name: ' 李秀英 ',
        residenceType: 'migrant',
        idType: 'residentId',
        idNumber: '43062419580402122x ',
        sex: 'male', // the number decides: not sent
        unitId: 7,
        phone: '',
        occupation: ' 务工 ',
        flags: [],
      }),
    ).toEqual({
      unitId: 7,
      name: '李秀英',
      idType: 'residentId',
      idNumber: '43062419580402122X',
      residenceType: 'migrant',
      occupation: '务工',
    });
  });

  it('edits only what changed: a household left is null, flags in another order are no change', () => {
    const initial = personValues(anna, '王桂兰 · 东街社区3组12号');
    expect(toPersonUpdate(initial, { ...initial, flags: ['lowIncome', 'livingAlone'], phone: '139****0021' }, 3)).toEqual({
      version: 3,
    });
    expect(
      toPersonUpdate(initial, { ...initial, household: undefined, relationToHead: ' ', unitId: 8, flags: ['veteran'] }, 3),
    ).toEqual({ householdId: null, relationToHead: null, unitId: 8, flags: ['veteran'], version: 3 });
  });

  it('sends the sex and birth date of a passport holder when changed, never those a resident ID holds', () => {
    const initial = personValues(anna);
    expect(toPersonUpdate(initial, { ...initial, birthDate: '1990-06-05' }, 3)).toEqual({ birthDate: '1990-06-05', version: 3 });
    const resident = personValues({ ...anna, idType: 'residentId', idNumber: '430***********1234', residenceType: 'registered' });
    // Not shown for a resident ID, so absent from what the form hands over.
    expect(toPersonUpdate(resident, { ...resident, sex: undefined, birthDate: undefined }, 3)).toEqual({ version: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, makeIdNumber, parseIdNumber } from './id-number.ts';

const regions = new Set(['430624', '110101']);
const isRegion = (c: string) => regions.has(c);
const today = '2026-11-22';

describe('ID numbers (GB 11643-1999)', () => {
  it('computes the ISO 7064 MOD 11-2 check character, including X', () => {
    // The standard's own example.
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002X', () => true, today)).toMatchObject({
      ok: true,
      facts: { birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('derives birth date and sex (odd sequence = male)', () => {
    const id = makeIdNumber('430624', '1985-03-07', 123);
    expect(parseIdNumber(id, isRegion, today)).toEqual({
      ok: true,
      facts: { regionCode: '430624', birthDate: '1985-03-07', sex: 'male' },
    });
    expect(parseIdNumber(makeIdNumber('430624', '1985-03-07', 124), isRegion, today)).toMatchObject({ facts: { sex: 'female' } });
  });

  it('names each way a number can be wrong', () => {
    const good = makeIdNumber('430624', '1990-01-31', 11);
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(parseIdNumber(wrongCheck, isRegion, today)).toEqual({ ok: false, problem: 'checkCharacter' });
    expect(parseIdNumber(good.slice(0, 17), isRegion, today)).toEqual({ ok: false, problem: 'length' });
    expect(parseIdNumber(`${good.slice(0, 17)}Y`, isRegion, today)).toEqual({ ok: false, problem: 'characters' });
    expect(parseIdNumber(makeIdNumber('999999', '1990-01-31', 11), isRegion, today)).toEqual({ ok: false, problem: 'region' });
    expect(parseIdNumber(makeIdNumber('430624', '1990-02-30', 11), isRegion, today)).toEqual({ ok: false, problem: 'birthDate' });
    expect(parseIdNumber(makeIdNumber('430624', '2027-01-01', 11), isRegion, today)).toEqual({ ok: false, problem: 'future' });
  });

  it('counts age in whole years', () => {
    expect(ageOn('2000-11-23', today)).toBe(25);
    expect(ageOn('2000-11-22', today)).toBe(26);
  });
});

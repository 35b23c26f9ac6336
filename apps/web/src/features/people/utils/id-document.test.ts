import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, documentHoldsFacts, idTypesFor, readIdNumber } from './id-document.ts';

const TODAY = '2026-03-02';

describe('reading a resident ID number as it is typed', () => {
  it('computes the check character of the standard’s own examples (ISO 7064 MOD 11-2)', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    expect(checkCharacter('43062419580402123')).toBe('4');
  });

  it('derives birth date, sex (odd sequence: male) and age from a valid number', () => {
    expect(readIdNumber('430624195804021234', TODAY)).toEqual({
      status: 'valid',
      birthDate: '1958-04-02',
      sex: 'male',
      age: 67,
    });
    // A lower-case x and surrounding spaces are what people type.
    expect(readIdNumber(' 11010519491231002x ', TODAY)).toEqual({
      status: 'valid',
      birthDate: '1949-12-31',
      sex: 'female',
      age: 76,
    });
  });

  it('waits while fewer than 18 possible characters are typed', () => {
    expect(readIdNumber('', TODAY)).toEqual({ status: 'partial' });
    expect(readIdNumber('4306241958', TODAY)).toEqual({ status: 'partial' });
    expect(readIdNumber('43062419580402123', TODAY)).toEqual({ status: 'partial' });
  });

  it('says what is wrong: a letter, X before the end, too long, an impossible or future date, the check character', () => {
    expect(readIdNumber('4306A4', TODAY)).toEqual({ status: 'invalid', problem: 'characters' });
    expect(readIdNumber('430624X', TODAY)).toEqual({ status: 'invalid', problem: 'characters' });
    expect(readIdNumber('4306241958040212345', TODAY)).toEqual({ status: 'invalid', problem: 'characters' });
    const feb30 = `43062419900230123`;
    expect(readIdNumber(feb30 + checkCharacter(feb30), TODAY)).toEqual({ status: 'invalid', problem: 'birthDate' });
    const future = `43062420300101123`;
    expect(readIdNumber(future + checkCharacter(future), TODAY)).toEqual({ status: 'invalid', problem: 'future' });
    expect(readIdNumber('430624195804021235', TODAY)).toEqual({ status: 'invalid', problem: 'checkCharacter' });
  });

  it('counts age in whole years, the birthday itself included', () => {
    expect(ageOn('2000-03-02', TODAY)).toBe(26);
    expect(ageOn('2000-03-03', TODAY)).toBe(25);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('documents and residence types', () => {
  it('offers the documents of people from outside the mainland only to 境外人员', () => {
    expect(idTypesFor('registered')).toEqual(['residentId']);
    expect(idTypesFor(undefined)).toEqual(['residentId']);
    expect(idTypesFor('foreign')).toEqual(['residentId', 'residencePermit', 'foreignPermanentId', 'passport', 'travelPermit']);
  });

  it('knows which numbers hold the birth date and sex, masked or not', () => {
    expect(documentHoldsFacts('residentId', '')).toBe(true);
    expect(documentHoldsFacts('residencePermit', '810000199001011234')).toBe(true);
    expect(documentHoldsFacts('foreignPermanentId', '9***********1234')).toBe(true);
    // The 2017 card: three letters and 12 digits, no birth date in it.
    expect(documentHoldsFacts('foreignPermanentId', 'USA123456789012')).toBe(false);
    expect(documentHoldsFacts('foreignPermanentId', 'U***********012')).toBe(false);
    expect(documentHoldsFacts('passport', 'E12345678')).toBe(false);
    expect(documentHoldsFacts('travelPermit', 'H12345678')).toBe(false);
  });
});

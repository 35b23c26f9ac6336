import { describe, expect, it } from 'vitest';
import { checkIdDocument, documentFitsResidence, possibleIdTypes } from './id-documents.ts';
import { checkCharacter, makeIdNumber } from './id-number.ts';

const TODAY = '2026-09-30';
const mainland = (code: string) => code === '430624';
/** A 2023 foreign permanent residence ID: 9, province 43, nationality 840, birth date, sequence, sex digit, check. */
const permanent = (birth: string, sexDigit: number) => {
  const first17 = `943840${birth.replaceAll('-', '')}12${sexDigit}`;
  return first17 + checkCharacter(first17);
};

describe('identity documents', () => {
  it('reads birth date and sex from a resident ID, a residence permit and a 2023 permanent residence ID', () => {
    expect(checkIdDocument('residentId', makeIdNumber('430624', '1990-02-28', 21), TODAY, mainland)).toMatchObject({
      ok: true,
      facts: { birthDate: '1990-02-28', sex: 'male' },
    });
    expect(checkIdDocument('residencePermit', makeIdNumber('810000', '1985-07-01', 22), TODAY, mainland)).toMatchObject({
      ok: true,
      facts: { birthDate: '1985-07-01', sex: 'female' },
    });
    expect(checkIdDocument('foreignPermanentId', permanent('1979-12-31', 3), TODAY, mainland)).toMatchObject({
      ok: true,
      facts: { birthDate: '1979-12-31', sex: 'male' },
    });
  });

  it('refuses a wrong check character, a mainland region on a permit, an impossible date, malformed numbers', () => {
    const good = permanent('1979-12-31', 4);
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    expect(checkIdDocument('foreignPermanentId', wrong, TODAY, mainland)).toMatchObject({
      ok: false,
      message: /check character/,
    });
    expect(checkIdDocument('residencePermit', makeIdNumber('430624', '1985-07-01', 22), TODAY, mainland)).toMatchObject({
      ok: false,
      message: /810000/,
    });
    expect(checkIdDocument('foreignPermanentId', permanent('1979-02-30', 3), TODAY, mainland)).toMatchObject({ ok: false });
    expect(checkIdDocument('foreignPermanentId', permanent('2027-01-01', 3), TODAY, mainland)).toMatchObject({ ok: false });
    expect(checkIdDocument('passport', 'E12', TODAY, mainland)).toMatchObject({ ok: false });
    expect(checkIdDocument('travelPermit', 'X12345678', TODAY, mainland)).toMatchObject({ ok: false });
  });

  it('accepts passports, travel permits and the 2017 permanent residence card without facts, normalised', () => {
    expect(checkIdDocument('passport', ' e1234 5678 ', TODAY, mainland)).toEqual({ ok: true, number: 'E12345678', facts: null });
    expect(checkIdDocument('travelPermit', 'H12345678', TODAY, mainland)).toMatchObject({ ok: true, facts: null });
    expect(checkIdDocument('travelPermit', '12345678', TODAY, mainland)).toMatchObject({ ok: true, facts: null });
    expect(checkIdDocument('foreignPermanentId', 'USA110079123456', TODAY, mainland)).toMatchObject({ ok: true, facts: null });
  });

  it('knows which documents a searched number could be, and that only residents use the resident ID alone', () => {
    expect(possibleIdTypes(makeIdNumber('430624', '1990-02-28', 21))).toEqual([
      'residentId',
      'residencePermit',
      'foreignPermanentId',
    ]);
    expect(possibleIdTypes('E12345678')).toEqual(['passport']);
    expect(possibleIdTypes('12345678')).toEqual(['passport', 'travelPermit']);
    expect(documentFitsResidence('passport', 'registered')).toBe(false);
    expect(documentFitsResidence('passport', 'foreign')).toBe(true);
    expect(documentFitsResidence('residentId', 'foreign')).toBe(true);
  });
});

/**
 * What a document number says while it is typed into the person form: a resident ID (GB 11643-1999,
 * and the residence permit and 2023 permanent residence ID that share its format) holds the birth
 * date and sex; a passport, a travel permit or the 2017 permanent residence ID does not, so the form
 * asks for them. Only the format and the ISO 7064 MOD 11-2 check character are read here (no
 * division table in the browser): the server stays the judge.
 */
import type { IdType } from '@wangge/contracts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'characters' | 'birthDate' | 'future' | 'checkCharacter';

export type IdNumberReading =
  /** Empty or still being typed (fewer than 18 characters, all of them possible so far). */
  | { status: 'partial' }
  | { status: 'invalid'; problem: IdNumberProblem }
  | { status: 'valid'; birthDate: string; sex: 'male' | 'female'; age: number };

/** The check character (0–9 or X) of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Whole years on `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Reads an 18-character resident ID number as it is typed; `today` is YYYY-MM-DD. */
export function readIdNumber(raw: string, today: string): IdNumberReading {
  const id = raw.trim().toUpperCase();
  // Too long, or a character that can never fit (X only last): wrong before it is complete.
  if (!/^(\d{0,17}|\d{17}[\dX])$/.test(id)) return { status: 'invalid', problem: 'characters' };
  if (id.length < 18) return { status: 'partial' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { status: 'invalid', problem: 'birthDate' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { status: 'invalid', problem: 'future' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { status: 'invalid', problem: 'checkCharacter' };
  return { status: 'valid', birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female', age: ageOn(birthDate, today) };
}

/** The document types a person of this residence type may be registered with: all but the resident ID are for 境外人员. */
export function idTypesFor(residenceType: string | undefined): IdType[] {
  return residenceType === 'foreign'
    ? ['residentId', 'residencePermit', 'foreignPermanentId', 'passport', 'travelPermit']
    : ['residentId'];
}

/**
 * Whether the number of a document holds the birth date and sex (so the form does not ask). The
 * permanent residence ID holds them in its 2023 form (18 characters, starting with 9), not in the
 * 2017 one (three letters and 12 digits); masking keeps the first character, so a masked number
 * is read the same way.
 */
export function documentHoldsFacts(type: IdType, number: string): boolean {
  if (type === 'residentId' || type === 'residencePermit') return true;
  if (type === 'foreignPermanentId') return !/^[A-Za-z]/.test(number.trim());
  return false;
}

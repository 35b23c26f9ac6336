/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character. Everything is checked; birth
 * date, sex and age are derived from the number so they are never typed twice.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'region' | 'birthDate' | 'future' | 'checkCharacter';

export interface IdNumberFacts {
  regionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Validates a normalised ID number; `today` is a YYYY-MM-DD date (from the injectable clock). */
export function parseIdNumber(
  id: string,
  isRegion: (code: string) => boolean,
  today: string,
): { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  if (id.length !== 18) return { ok: false, problem: 'length' };
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return { ok: false, problem: 'characters' };
  const region = id.slice(0, 6);
  if (!isRegion(region)) return { ok: false, problem: 'region' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, problem: 'birthDate' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'future' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checkCharacter' };
  return { ok: true, facts: { regionCode: region, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' } };
}

/** Age in whole years on `today` (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const idNumberProblemText: Record<IdNumberProblem, string> = {
  length: 'ID number must have 18 characters',
  characters: 'ID number must be 17 digits and a digit or X',
  region: 'ID number starts with an unknown region code',
  birthDate: 'ID number holds an impossible birth date',
  future: 'ID number holds a birth date in the future',
  checkCharacter: 'ID number check character is wrong',
};

/** Builds a valid ID number (demo data and tests). */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

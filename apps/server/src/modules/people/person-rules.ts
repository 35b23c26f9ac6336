/**
 * The rules a person record must satisfy, shared by the API and the importer so that a row is
 * judged the same way wherever it comes from. Returns the database row (encrypted, blind-indexed,
 * masked) or the reasons, per field.
 */
import type { PersonFlag, ResidenceType } from '@wangge/contracts';
import { PersonFlags, ResidenceTypes } from '@wangge/contracts';
import { idNumberProblemText, normalizeIdNumber, parseIdNumber } from '../../lib/id-number.ts';
import { maskIdNumber, maskPhone, type FieldCrypto } from '../../lib/field-crypto.ts';
import { countyCodes } from '../units/division-import.ts';
import { addressGrams, textGrams } from '../../lib/grams.ts';

export interface PersonFields {
  name: string;
  idNumber: string;
  sex?: 'male' | 'female' | undefined;
  birthDate?: string | undefined;
  ethnicity?: string | undefined;
  phone?: string | undefined;
  residenceType: ResidenceType;
  education?: string | undefined;
  occupation?: string | undefined;
  relationToHead?: string | undefined;
  flags?: PersonFlag[] | undefined;
  address?: string | undefined;
}

export interface PersonRow {
  name: string;
  name_grams: string[];
  address_grams: string[];
  sex: 'male' | 'female';
  birth_date: string;
  ethnicity: string | null;
  id_number_enc: string;
  id_number_bidx: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_masked: string | null;
  residence_type: ResidenceType;
  education: string | null;
  occupation: string | null;
  relation_to_head: string | null;
  flags: string[];
  address: string | null;
}

export interface FieldProblem {
  field: keyof PersonFields;
  message: string;
}

let regions: Set<string> | null = null;
/** County-level codes of the 2023 division table, plus city-level "市辖区" codes used on older IDs. */
export function isRegionCode(code: string): boolean {
  if (!regions) {
    regions = new Set(countyCodes().keys());
    for (const c of [...regions]) regions.add(`${c.slice(0, 4)}00`).add(`${c.slice(0, 4)}01`);
  }
  return regions.has(code);
}

export const blindIndexOfId = (crypto: FieldCrypto, raw: string) => crypto.blindIndex(`id:${normalizeIdNumber(raw)}`);
export const blindIndexOfPhone = (crypto: FieldCrypto, phone: string) => crypto.blindIndex(`phone:${phone}`);

export function checkPerson(
  p: PersonFields,
  crypto: FieldCrypto,
  today: string,
): { ok: true; row: PersonRow } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = p.name?.trim() ?? '';
  if (!name) problems.push({ field: 'name', message: 'name is required' });
  else if (name.length > 100) problems.push({ field: 'name', message: 'name is longer than 100 characters' });
  const id = normalizeIdNumber(p.idNumber ?? '');
  const parsed = parseIdNumber(id, isRegionCode, today);
  if (!parsed.ok) problems.push({ field: 'idNumber', message: idNumberProblemText[parsed.problem] });
  else {
    if (p.sex && p.sex !== parsed.facts.sex)
      problems.push({ field: 'sex', message: `sex contradicts the ID number (${parsed.facts.sex})` });
    if (p.birthDate && p.birthDate !== parsed.facts.birthDate)
      problems.push({ field: 'birthDate', message: `birth date contradicts the ID number (${parsed.facts.birthDate})` });
  }
  if (p.phone && !/^1[3-9][0-9]{9}$/.test(p.phone))
    problems.push({ field: 'phone', message: 'phone must be an 11-digit mobile number' });
  if (!ResidenceTypes.includes(p.residenceType))
    problems.push({ field: 'residenceType', message: `residence type must be one of ${ResidenceTypes.join(', ')}` });
  for (const f of p.flags ?? []) if (!PersonFlags.includes(f)) problems.push({ field: 'flags', message: `unknown flag ${f}` });
  if (problems.length || !parsed.ok) return { ok: false, problems };
  return {
    ok: true,
    row: {
      name,
      name_grams: textGrams(name),
      address_grams: addressGrams(p.address?.trim()),
      sex: parsed.facts.sex,
      birth_date: parsed.facts.birthDate,
      ethnicity: p.ethnicity?.trim() || null,
      id_number_enc: crypto.encrypt(id),
      id_number_bidx: blindIndexOfId(crypto, id),
      id_number_masked: maskIdNumber(id),
      phone_enc: p.phone ? crypto.encrypt(p.phone) : null,
      phone_bidx: p.phone ? blindIndexOfPhone(crypto, p.phone) : null,
      phone_masked: p.phone ? maskPhone(p.phone) : null,
      residence_type: p.residenceType,
      education: p.education?.trim() || null,
      occupation: p.occupation?.trim() || null,
      relation_to_head: p.relationToHead?.trim() || null,
      flags: [...new Set(p.flags ?? [])],
      address: p.address?.trim() || null,
    },
  };
}

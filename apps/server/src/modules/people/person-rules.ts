/**
 * The rules a person record must satisfy, shared by the API and the importer so that a row is
 * judged the same way wherever it comes from. Returns the database row (encrypted, blind-indexed,
 * masked) or the reasons, per field.
 */
import type { IdType, PersonFlag, ResidenceType } from '@wangge/contracts';
import { IdTypes, PersonFlags, ResidenceTypes } from '@wangge/contracts';
import { checkIdDocument, documentFitsResidence, possibleIdTypes } from '../../lib/id-documents.ts';
import { normalizeIdNumber } from '../../lib/id-number.ts';
import { maskIdNumber, maskPhone, type FieldCrypto } from '../../lib/field-crypto.ts';
import { countyCodes } from '../units/division-import.ts';
import { addressGrams, textGrams } from '../../lib/grams.ts';

export interface PersonFields {
  name: string;
  /** Default residentId. */
  idType?: IdType | undefined;
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
  id_type: IdType;
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

/**
 * The blind index of a document number. The 18-character numbers (resident ID, residence permit,
 * permanent residence ID) share one namespace, as they do in reality; passport and travel permit
 * numbers are only unique with their type.
 */
export const blindIndexOfId = (crypto: FieldCrypto, raw: string, type: IdType = 'residentId') =>
  crypto.blindIndex(
    type === 'passport' || type === 'travelPermit' ? `id:${type}:${normalizeIdNumber(raw)}` : `id:${normalizeIdNumber(raw)}`,
  );

/** The blind indexes an exact search by document number looks up (the number of any document type). */
export const blindIndexesOfAnyId = (crypto: FieldCrypto, raw: string) => {
  const n = normalizeIdNumber(raw).replace(/\s+/g, '');
  return [...new Set(possibleIdTypes(n).map((t) => blindIndexOfId(crypto, n, t)))];
};
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
  const idType = p.idType ?? 'residentId';
  const doc = IdTypes.includes(idType)
    ? checkIdDocument(idType, p.idNumber ?? '', today, isRegionCode)
    : ({ ok: false, message: `ID type must be one of ${IdTypes.join(', ')}` } as const);
  let facts: { sex: 'male' | 'female'; birthDate: string } | null = null;
  if (!doc.ok) problems.push({ field: 'idNumber', message: doc.message });
  else if (!documentFitsResidence(idType, p.residenceType))
    problems.push({
      field: 'idType',
      message: 'this document is for people from outside the mainland (residence type foreign) only',
    });
  else if (doc.facts) {
    facts = doc.facts;
    if (p.sex && p.sex !== doc.facts.sex)
      problems.push({ field: 'sex', message: `sex contradicts the ID number (${doc.facts.sex})` });
    if (p.birthDate && p.birthDate !== doc.facts.birthDate)
      problems.push({ field: 'birthDate', message: `birth date contradicts the ID number (${doc.facts.birthDate})` });
  } else {
    // A passport or travel permit does not say: the record must.
    if (!p.sex) problems.push({ field: 'sex', message: 'sex is required with this document' });
    if (!p.birthDate) problems.push({ field: 'birthDate', message: 'birth date is required with this document' });
    else if (p.birthDate > today) problems.push({ field: 'birthDate', message: 'birth date is in the future' });
    if (p.sex && p.birthDate) facts = { sex: p.sex, birthDate: p.birthDate };
  }
  if (p.phone && !/^1[3-9][0-9]{9}$/.test(p.phone))
    problems.push({ field: 'phone', message: 'phone must be an 11-digit mobile number' });
  if (!ResidenceTypes.includes(p.residenceType))
    problems.push({ field: 'residenceType', message: `residence type must be one of ${ResidenceTypes.join(', ')}` });
  for (const f of p.flags ?? []) if (!PersonFlags.includes(f)) problems.push({ field: 'flags', message: `unknown flag ${f}` });
  if (problems.length || !doc.ok || !facts) return { ok: false, problems };
  return {
    ok: true,
    row: {
      name,
      name_grams: textGrams(name),
      address_grams: addressGrams(p.address?.trim()),
      sex: facts.sex,
      birth_date: facts.birthDate,
      ethnicity: p.ethnicity?.trim() || null,
      id_type: idType,
      id_number_enc: crypto.encrypt(doc.number),
      id_number_bidx: blindIndexOfId(crypto, doc.number, idType),
      id_number_masked: maskIdNumber(doc.number),
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

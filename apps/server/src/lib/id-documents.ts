/**
 * Identity documents a person may be registered with. Mainland residents carry the resident ID
 * (居民身份证, GB 11643-1999); people from outside the mainland (境外人员) carry a Hong Kong, Macao or
 * Taiwan residence permit (港澳台居民居住证: the same 18-character format with region 810000,
 * 820000 or 830000), a foreign permanent residence ID (外国人永久居留身份证: since 2023 18 characters
 * starting with 9, birth date and sex where the resident ID has them, ISO 7064 MOD 11-2 check
 * character; the 2017 card: three letters and 12 digits), a passport (护照) or a travel permit
 * (港澳居民来往内地通行证 H/M + 8 or 10 digits, 台湾居民来往大陆通行证 8 digits). Only the first three
 * hold the birth date and sex; for the others they are asked separately.
 */
import type { IdType } from '@wangge/contracts';
import { checkCharacter, idNumberProblemText, normalizeIdNumber, parseIdNumber, type IdNumberFacts } from './id-number.ts';

const PERMIT_REGIONS = new Set(['810000', '820000', '830000']);

export type DocumentCheck =
  { ok: true; number: string; facts: Omit<IdNumberFacts, 'regionCode'> | null } | { ok: false; message: string };

function foreignPermanent(id: string, today: string): DocumentCheck {
  if (/^[A-Z]{3}\d{12}$/.test(id)) return { ok: true, number: id, facts: null };
  if (!/^9\d{16}[\dX]$/.test(id))
    return {
      ok: false,
      message: 'foreign permanent residence ID must be 9 and 16 digits and a digit or X, or 3 letters and 12 digits',
    };
  // The birth date and sex sit where the resident ID has them; the region check does not apply.
  const parsed = parseIdNumber(id, () => true, today);
  if (!parsed.ok) return { ok: false, message: idNumberProblemText[parsed.problem] };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, message: idNumberProblemText.checkCharacter };
  return { ok: true, number: id, facts: { birthDate: parsed.facts.birthDate, sex: parsed.facts.sex } };
}

/** Checks a document number of a type; `isRegion` knows the mainland's division codes. */
export function checkIdDocument(type: IdType, raw: string, today: string, isRegion: (code: string) => boolean): DocumentCheck {
  const id = normalizeIdNumber(raw).replace(/\s+/g, '');
  switch (type) {
    case 'residentId':
    case 'residencePermit': {
      const regionOk = type === 'residentId' ? isRegion : (c: string) => PERMIT_REGIONS.has(c);
      const parsed = parseIdNumber(id, regionOk, today);
      if (parsed.ok) return { ok: true, number: id, facts: { birthDate: parsed.facts.birthDate, sex: parsed.facts.sex } };
      if (parsed.problem === 'region' && type === 'residencePermit')
        return { ok: false, message: 'residence permit number must start with 810000, 820000 or 830000' };
      return { ok: false, message: idNumberProblemText[parsed.problem] };
    }
    case 'foreignPermanentId':
      return foreignPermanent(id, today);
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(id)
        ? { ok: true, number: id, facts: null }
        : { ok: false, message: 'passport number must be 5 to 17 letters or digits' };
    case 'travelPermit':
      return /^[HM]\d{8}(\d{2})?$/.test(id) || /^\d{8}$/.test(id)
        ? { ok: true, number: id, facts: null }
        : { ok: false, message: 'travel permit number must be H or M and 8 or 10 digits, or 8 digits' };
  }
}

/** The types whose numbers could be `raw` (an exact search does not ask which document it is). */
export function possibleIdTypes(raw: string): IdType[] {
  const id = normalizeIdNumber(raw).replace(/\s+/g, '');
  const types: IdType[] = [];
  if (/^\d{17}[\dX]$/.test(id)) types.push('residentId', 'residencePermit', 'foreignPermanentId');
  if (/^[A-Z]{3}\d{12}$/.test(id)) types.push('foreignPermanentId');
  if (/^[A-Z0-9]{5,17}$/.test(id)) types.push('passport');
  if (/^[HM]\d{8}(\d{2})?$/.test(id) || /^\d{8}$/.test(id)) types.push('travelPermit');
  return types;
}

/** Whether a document type may be used for a residence type: all but the resident ID are for 境外人员. */
export const documentFitsResidence = (type: IdType, residenceType: string) =>
  type === 'residentId' || residenceType === 'foreign';

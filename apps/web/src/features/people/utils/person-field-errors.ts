/**
 * The server's field errors for a person (`errors: [{ path: '/body/idNumber', message }]`), placed
 * beside the person form's fields in the user's language. The server words its reasons in English
 * (person-rules.ts, id-documents.ts); the known ones have a translation under
 * people.form.errors.*, anything else is shown in the server's own words.
 */
import type { FormInstance } from 'antd';
import { formFieldErrors, isApiError } from '@/shared/api/api-error.ts';

const KNOWN = [
  ['ID number must have 18 characters', 'length'],
  ['ID number must be 17 digits', 'characters'],
  ['ID number starts with an unknown region code', 'region'],
  ['ID number holds an impossible birth date', 'birthDate'],
  ['ID number holds a birth date in the future', 'future'],
  ['ID number check character is wrong', 'checkCharacter'],
  ['residence permit number must start with', 'permitRegion'],
  ['foreign permanent residence ID must be', 'permanentFormat'],
  ['passport number must be', 'passportFormat'],
  ['travel permit number must be', 'travelPermitFormat'],
  ['this document is for people from outside the mainland', 'foreignOnly'],
  ['sex contradicts', 'sexContradicts'],
  ['birth date contradicts', 'birthContradicts'],
  ['sex is required', 'sexRequired'],
  ['birth date is required', 'birthRequired'],
  ['birth date is in the future', 'birthFuture'],
  ['phone must be', 'phone'],
  ['not in this unit', 'householdUnit'],
  ['wrong unit kind', 'unitKind'],
  ['already registered', 'duplicate'],
] as const;
export type PersonErrorKey = (typeof KNOWN)[number][1];

/** The people.form.errors key of a server reason, if it is a known one. */
export function personErrorKey(message: string): PersonErrorKey | undefined {
  return KNOWN.find(([prefix]) => message.startsWith(prefix))?.[1];
}

/** Where the form shows a body field: the household is picked whole, as `household`. */
const FORM_NAME: Record<string, string> = { householdId: 'household' };

/**
 * Sets the field errors of a failed save beside the fields the form shows (`shown`); returns how
 * many were placed. The form's alert says the rest.
 */
export function placePersonFieldErrors(
  form: FormInstance,
  error: unknown,
  shown: readonly string[],
  /** The text of people.form.errors.<key>. */
  translate: (key: PersonErrorKey) => string,
): number {
  if (!isApiError(error)) return 0;
  const fields = formFieldErrors(error)
    .map((f) => ({ ...f, name: f.name.map((n) => FORM_NAME[String(n)] ?? n) }))
    .filter((f) => f.name.length === 1 && shown.includes(String(f.name[0])))
    .map((f) => ({
      name: f.name,
      errors: f.errors.map((m) => {
        const key = personErrorKey(m);
        return key ? translate(key) : m;
      }),
    }));
  form.setFields(fields);
  return fields.length;
}

/**
 * The person form's values and what it sends: the whole record when registering (登记人员), only
 * the changed fields with the version read when editing (编辑), null for a field emptied. The ID
 * number is answered masked, so an edit shows it and never sends it; the phone too is masked and
 * counts as changed only when something else is typed.
 */
import type { IdType, Person, PersonFlag, PersonInput, PersonUpdate, ResidenceType } from '@wangge/contracts';
import { documentHoldsFacts } from './id-document.ts';

/** A chosen household as antd's `labelInValue` keeps it. */
export interface HouseholdValue {
  value: number;
  label?: unknown;
}

export interface PersonFormValues {
  name?: string | undefined;
  residenceType?: ResidenceType | undefined;
  idType?: IdType | undefined;
  /** Typed when registering; the masked number when editing (shown, never sent). */
  idNumber?: string | undefined;
  /** Asked only where the document does not hold them. */
  sex?: 'male' | 'female' | undefined;
  birthDate?: string | undefined;
  ethnicity?: string | undefined;
  phone?: string | undefined;
  education?: string | undefined;
  occupation?: string | undefined;
  unitId?: number | undefined;
  household?: HouseholdValue | undefined;
  relationToHead?: string | undefined;
  flags?: PersonFlag[] | undefined;
  address?: string | undefined;
}

/** Filled in as typed; the rest of the record is optional. */
export const emptyPersonValues = (unitId: number | undefined): PersonFormValues => ({
  residenceType: 'registered',
  idType: 'residentId',
  unitId,
  flags: [],
});

export function personValues(person: Person, householdLabel?: string): PersonFormValues {
  return {
    name: person.name,
    residenceType: person.residenceType,
    idType: person.idType,
    idNumber: person.idNumber,
    sex: person.sex,
    birthDate: person.birthDate,
    ethnicity: person.ethnicity ?? undefined,
    phone: person.phone ?? undefined,
    education: person.education ?? undefined,
    occupation: person.occupation ?? undefined,
    unitId: person.unit.id,
    household: person.householdId === null ? undefined : { value: person.householdId, label: householdLabel },
    relationToHead: person.relationToHead ?? undefined,
    flags: person.flags,
    address: person.address ?? undefined,
  };
}

const text = (value: string | undefined) => value?.trim() || undefined;

/** The form's documents ask for sex and birth date only where the number does not hold them. */
export const asksFacts = (values: Pick<PersonFormValues, 'idType' | 'idNumber'>) =>
  !documentHoldsFacts(values.idType ?? 'residentId', values.idNumber ?? '');

export function toPersonInput(values: PersonFormValues): PersonInput {
  const idType = values.idType ?? 'residentId';
  const optional = {
    ethnicity: text(values.ethnicity),
    phone: text(values.phone),
    education: text(values.education),
    occupation: text(values.occupation),
    householdId: values.household?.value,
    relationToHead: text(values.relationToHead),
    address: text(values.address),
  };
  return {
    unitId: values.unitId!,
    name: values.name!.trim(),
    idType,
    idNumber: (values.idNumber ?? '').replace(/\s+/g, '').toUpperCase(),
    ...(asksFacts(values) ? { sex: values.sex!, birthDate: values.birthDate! } : {}),
    residenceType: values.residenceType!,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    ...(values.flags?.length ? { flags: values.flags } : {}),
  };
}

type Key = keyof PersonFormValues;
/** What an edit may send, with how to compare it. */
const EDITABLE: Key[] = [
  'name',
  'residenceType',
  'sex',
  'birthDate',
  'ethnicity',
  'phone',
  'education',
  'occupation',
  'unitId',
  'household',
  'relationToHead',
  'flags',
  'address',
];

/** Every field the form shows: the document (create only) and what an edit may send. */
export const FORM_FIELDS: Key[] = ['idType', 'idNumber', ...EDITABLE];

function comparable(key: Key, value: PersonFormValues[Key]): string {
  if (key === 'household') return String((value as HouseholdValue | undefined)?.value ?? '');
  if (key === 'flags') return [...((value as PersonFlag[] | undefined) ?? [])].sort().join(',');
  if (typeof value === 'string') return value.trim();
  return value === undefined || value === null ? '' : String(value);
}

/** The fields whose value differs from what was loaded. */
export function changedKeys(initial: PersonFormValues, values: PersonFormValues): Key[] {
  return EDITABLE.filter((k) => comparable(k, initial[k]) !== comparable(k, values[k]));
}

/** Only what changed, with the version read; an emptied field is null. */
export function toPersonUpdate(initial: PersonFormValues, values: PersonFormValues, version: number): PersonUpdate {
  const update: Record<string, unknown> = {};
  for (const key of changedKeys(initial, values)) {
    if (key === 'household') update.householdId = values.household?.value ?? null;
    else if (key === 'flags') update.flags = values.flags ?? [];
    else if (key === 'sex' || key === 'birthDate') {
      // A document holding them decides them: the form does not show them and never sends them.
      if (asksFacts(initial)) update[key] = values[key];
    } else if (typeof values[key] === 'string' || values[key] === undefined)
      update[key] = text(values[key] as string | undefined) ?? null;
    else update[key] = values[key];
  }
  return { ...update, version } as PersonUpdate;
}

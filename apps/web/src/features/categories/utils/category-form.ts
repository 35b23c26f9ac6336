/**
 * A category as the administration form holds it, and back: deadline rules as an amount with its
 * unit (working days or months), the yellow lead and the supervision step per stage; the extra fields'
 * JSON Schema as text. An optional rule field left empty is sent absent (the server's default holds),
 * so a rule comes back from the form exactly as it went in.
 */
import type { Category, CategoryInput, DeadlineRule, DeadlineRules, HandlingLevel, StageRules } from '@wangge/contracts';

export const STAGES = ['accept', 'feedback', 'resolve'] as const;
export const URGENCIES = ['normal', 'urgent'] as const;

export interface RuleValue {
  amount: number;
  unit: 'workdays' | 'months';
  yellow?: number | null | undefined;
  /** Working days between supervision levels (督办 → 黄牌 → 红牌); empty: the default 5. */
  step?: number | null | undefined;
}
type StageValues = Record<(typeof STAGES)[number], RuleValue>;

export interface CategoryFormValues {
  code: string;
  name: string;
  parentId?: number | null | undefined;
  defaultLevel: HandlingLevel;
  defaultDepartmentId?: number | null | undefined;
  deadlineClass: 'ordinary' | 'major';
  customDeadlines: boolean;
  deadlines: Record<(typeof URGENCIES)[number], StageValues>;
  fieldsSchemaText?: string | undefined;
  duplicateRadiusM: number;
  duplicateWindowDays: number;
  allowSkipLevels: boolean;
  status: 'active' | 'retired';
}

/** The 13710 defaults: 1 / 3 / 7 working days (urgent: 1 / 1 / 3). */
const DEFAULT_RULES: DeadlineRules = {
  normal: { accept: { workdays: 1 }, feedback: { workdays: 3 }, resolve: { workdays: 7 } },
  urgent: { accept: { workdays: 1 }, feedback: { workdays: 1 }, resolve: { workdays: 3 } },
};

const ruleValue = (r: DeadlineRule): RuleValue => ({
  amount: r.months ?? r.workdays ?? 1,
  unit: r.months !== undefined ? 'months' : 'workdays',
  yellow: r.yellowWorkdaysBefore ?? null,
  step: r.supervisionStepWorkdays ?? null,
});

const ruleOf = (v: RuleValue): DeadlineRule => ({
  ...(v.unit === 'months' ? { months: v.amount } : { workdays: v.amount }),
  ...(v.yellow !== null && v.yellow !== undefined ? { yellowWorkdaysBefore: v.yellow } : {}),
  ...(v.step !== null && v.step !== undefined ? { supervisionStepWorkdays: v.step } : {}),
});

const stagesOf = (s: StageRules): StageValues => ({
  accept: ruleValue(s.accept),
  feedback: ruleValue(s.feedback),
  resolve: ruleValue(s.resolve),
});

/** A category to edit, or (null) a new one, under `parentId` when given. */
export function formValuesOf(c: Category | null, parentId: number | null = null): CategoryFormValues {
  const rules = c?.deadlines ?? DEFAULT_RULES;
  return {
    code: c?.code ?? '',
    name: c?.name ?? '',
    parentId: c ? c.parentId : parentId,
    defaultLevel: c?.defaultLevel ?? 'grid',
    defaultDepartmentId: c?.defaultDepartment?.id ?? null,
    deadlineClass: c?.deadlineClass ?? 'ordinary',
    customDeadlines: c?.customDeadlines ?? false,
    deadlines: { normal: stagesOf(rules.normal), urgent: stagesOf(rules.urgent) },
    fieldsSchemaText: c?.fieldsSchema ? JSON.stringify(c.fieldsSchema, null, 2) : '',
    duplicateRadiusM: c?.duplicateRadiusM ?? 200,
    duplicateWindowDays: c?.duplicateWindowDays ?? 7,
    allowSkipLevels: c?.allowSkipLevels ?? false,
    status: c?.status ?? 'active',
  };
}

/** The text of the schema as an object, or a reason it is not one (shown beside the field). */
export type SchemaTextError = 'notJson' | 'notObject';

export function parseSchemaText(
  text: string | undefined,
): { schema: Record<string, unknown> | null } | { error: SchemaTextError } {
  if (!text?.trim()) return { schema: null };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'notObject' };
    return { schema: value as Record<string, unknown> };
  } catch {
    return { error: 'notJson' };
  }
}

/** The API's body. Without custom deadlines the category follows its deadline class's defaults. */
export function categoryInputOf(v: CategoryFormValues): CategoryInput {
  const parsed = parseSchemaText(v.fieldsSchemaText);
  const rules = (s: StageValues): StageRules => ({
    accept: ruleOf(s.accept),
    feedback: ruleOf(s.feedback),
    resolve: ruleOf(s.resolve),
  });
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    parentId: v.parentId ?? null,
    defaultLevel: v.defaultLevel,
    defaultDepartmentId: v.defaultDepartmentId ?? null,
    deadlineClass: v.deadlineClass,
    deadlines: v.customDeadlines ? { normal: rules(v.deadlines.normal), urgent: rules(v.deadlines.urgent) } : null,
    fieldsSchema: 'schema' in parsed ? parsed.schema : null,
    duplicateRadiusM: v.duplicateRadiusM,
    duplicateWindowDays: v.duplicateWindowDays,
    allowSkipLevels: v.allowSkipLevels,
    status: v.status,
  };
}

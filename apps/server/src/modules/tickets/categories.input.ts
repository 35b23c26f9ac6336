/**
 * What the schema of a category's body cannot say by itself: each deadline rule has exactly one of
 * workdays or months, and the extra fields' schema is a JSON Schema of an object. A broken rule is a
 * 400 naming the field; nothing is written.
 */
import type { CategoryInput, DeadlineRules } from '@wangge/contracts';
import type { Ajv } from 'ajv';
import { AppError } from '../../lib/errors.ts';

export function checkCategoryInput(ajv: Ajv, input: CategoryInput): void {
  if (input.deadlines) checkDeadlineRules(input.deadlines);
  if (input.fieldsSchema) checkFieldsSchema(ajv, input.fieldsSchema);
}

function checkDeadlineRules(rules: DeadlineRules) {
  for (const urgency of ['normal', 'urgent'] as const)
    for (const stage of ['accept', 'feedback', 'resolve'] as const) {
      const r = rules[urgency][stage];
      if ((r.workdays === undefined) === (r.months === undefined))
        throw AppError.badRequest(`Deadline ${urgency}.${stage} needs either workdays or months`, [
          { path: `/body/deadlines/${urgency}/${stage}`, message: 'needs exactly one of workdays, months' },
        ]);
    }
}

function checkFieldsSchema(ajv: Ajv, schema: Record<string, unknown>) {
  if (schema.type !== 'object')
    throw AppError.badRequest('fieldsSchema must describe an object', [
      { path: '/body/fieldsSchema/type', message: 'must be "object"' },
    ]);
  try {
    ajv.compile(schema);
  } catch (e) {
    throw AppError.badRequest(`fieldsSchema is not a valid JSON Schema: ${(e as Error).message}`, [
      { path: '/body/fieldsSchema', message: 'is not a valid JSON Schema' },
    ]);
  }
}

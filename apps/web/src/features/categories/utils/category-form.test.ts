import { describe, expect, it } from 'vitest';
import type { Category } from '@wangge/contracts';
import { categoryInputOf, formValuesOf, parseSchemaText } from './category-form.ts';

const well: Category = {
  id: 5,
  parentId: 2,
  code: 'water.well',
  name: '机井损坏',
  defaultLevel: 'village',
  defaultDepartment: { id: 3, code: '430624-SL', name: '县水利局', unitId: 1 },
  deadlineClass: 'major',
  deadlines: {
    normal: {
      accept: { workdays: 2 },
      feedback: { workdays: 4, supervisionStepWorkdays: 2 },
      resolve: { months: 1, yellowWorkdaysBefore: 2, supervisionStepWorkdays: 10 },
    },
    urgent: { accept: { workdays: 1 }, feedback: { workdays: 1 }, resolve: { workdays: 3 } },
  },
  customDeadlines: true,
  fieldsSchema: { type: 'object', properties: { depthM: { type: 'number' } } },
  duplicateRadiusM: 500,
  duplicateWindowDays: 14,
  allowSkipLevels: true,
  status: 'active',
};

describe('category form', () => {
  it('round-trips a category through the form: rules in working days or months, yellow leads, supervision steps, the schema', () => {
    const values = formValuesOf(well);
    expect(values.deadlines.normal.resolve).toEqual({ amount: 1, unit: 'months', yellow: 2, step: 10 });
    expect(values.deadlines.normal.accept).toEqual({ amount: 2, unit: 'workdays', yellow: null, step: null });
    // toStrictEqual: an optional rule field absent before is absent after (not undefined, not null).
    expect(categoryInputOf(values)).toStrictEqual({
      code: 'water.well',
      name: '机井损坏',
      parentId: 2,
      defaultLevel: 'village',
      defaultDepartmentId: 3,
      deadlineClass: 'major',
      deadlines: well.deadlines,
      fieldsSchema: well.fieldsSchema,
      duplicateRadiusM: 500,
      duplicateWindowDays: 14,
      allowSkipLevels: true,
      status: 'active',
    });
  });

  it('sends a supervision step set in the form, and none for a step emptied (the server then uses 5)', () => {
    const values = formValuesOf(well);
    values.deadlines.urgent.accept.step = 3;
    values.deadlines.normal.feedback.step = null;
    values.deadlines.normal.resolve.step = undefined;
    const rules = categoryInputOf(values).deadlines!;
    expect(rules.urgent.accept).toStrictEqual({ workdays: 1, supervisionStepWorkdays: 3 });
    expect(rules.normal.feedback).toStrictEqual({ workdays: 4 });
    expect(rules.normal.resolve).toStrictEqual({ months: 1, yellowWorkdaysBefore: 2 });
  });

  it('starts a new category under its parent on the 13710 defaults, and sends no rules unless customised', () => {
    const values = formValuesOf(null, 7);
    expect(values).toMatchObject({ parentId: 7, defaultLevel: 'grid', customDeadlines: false, status: 'active' });
    expect(values.deadlines.normal.resolve).toEqual({ amount: 7, unit: 'workdays', yellow: null, step: null });
    expect(categoryInputOf({ ...values, code: ' a.b ', name: '某类' })).toMatchObject({
      code: 'a.b',
      deadlines: null,
      fieldsSchema: null,
    });
  });

  it('tells an empty schema, bad JSON and JSON that is no object apart', () => {
    expect(parseSchemaText('  ')).toEqual({ schema: null });
    expect(parseSchemaText('{"type":')).toEqual({ error: 'notJson' });
    expect(parseSchemaText('[1]')).toEqual({ error: 'notObject' });
    expect(parseSchemaText('{"type":"object"}')).toEqual({ schema: { type: 'object' } });
  });
});

import { describe, expect, it } from 'vitest';
import { cleanFieldValues, fieldSpecs } from './json-schema.ts';
import { noteRequired, operationBody } from './operation-body.ts';

describe('fieldSpecs', () => {
  it('reads an object schema into labelled fields, required first, with bounds', () => {
    const specs = fieldSpecs({
      type: 'object',
      properties: {
        amount: { type: 'number', minimum: 0, title: '涉及金额（元）' },
        parties: { type: 'integer', minimum: 2, maximum: 500, title: '当事人数' },
        kind: { enum: ['口头', '书面'], title: '调解方式' },
        urgent: { type: 'boolean' },
        nested: { type: 'object', properties: {} },
      },
      required: ['parties'],
    });
    expect(specs.map((s) => [s.name, s.kind, s.label, s.required])).toEqual([
      ['parties', 'integer', '当事人数', true],
      ['amount', 'number', '涉及金额（元）', false],
      ['kind', 'enum', '调解方式', false],
      ['urgent', 'boolean', 'urgent', false],
    ]);
    expect(specs[0]).toMatchObject({ minimum: 2, maximum: 500 });
    expect(specs[2]?.options).toEqual(['口头', '书面']);
  });

  it('gives nothing for no schema or one that is not an object of properties', () => {
    expect(fieldSpecs(null)).toEqual([]);
    expect(fieldSpecs({ type: 'string' })).toEqual([]);
  });

  it('leaves blank answers out of what is sent', () => {
    const specs = fieldSpecs({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean' } },
    });
    expect(cleanFieldValues(specs, { a: '  ', b: 3, c: false, stray: 1 })).toEqual({ b: 3, c: false });
  });
});

describe('operation bodies', () => {
  it('always carry the version the user saw', () => {
    expect(operationBody('accept', {}, 4)).toEqual({ version: 4 });
    expect(operationBody('escalate', { note: ' 村里调解不成 ' }, 2, [9])).toEqual({
      version: 2,
      note: '村里调解不成',
      attachmentIds: [9],
    });
  });

  it('send the chosen target of an assignment, unit or department', () => {
    expect(operationBody('assign', { targetKind: 'unit', toUnitId: 7, toDepartmentId: 3 }, 1)).toEqual({
      version: 1,
      toUnitId: 7,
    });
    expect(operationBody('transfer', { targetKind: 'department', toDepartmentId: 3, note: '水利' }, 1)).toEqual({
      version: 1,
      note: '水利',
      toDepartmentId: 3,
    });
  });

  it('name the duplicate only when rejecting as a duplicate', () => {
    expect(operationBody('reject', { reason: 'invalid', duplicateOfId: 5, note: '无效' }, 1)).toEqual({
      version: 1,
      note: '无效',
      reason: 'invalid',
    });
    expect(operationBody('reject', { reason: 'duplicate', duplicateOfId: 5 }, 1)).toEqual({
      version: 1,
      reason: 'duplicate',
      duplicateOfId: 5,
    });
  });

  it('need a note where the server asks why', () => {
    expect(noteRequired('reject', { reason: 'invalid' })).toBe(true);
    expect(noteRequired('reject', { reason: 'duplicate' })).toBe(false);
    expect(noteRequired('verify', { passed: false })).toBe(true);
    expect(noteRequired('verify', { passed: true })).toBe(false);
    for (const op of ['return', 'transfer', 'feedback', 'reopen'] as const) expect(noteRequired(op, {})).toBe(true);
    expect(noteRequired('accept', {})).toBe(false);
  });
});

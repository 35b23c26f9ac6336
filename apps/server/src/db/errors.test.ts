import { describe, expect, it } from 'vitest';
import { constraintProblem, isUniqueViolation } from './errors.ts';

describe('database errors', () => {
  it('turns the constraints a caller can break into 4xx answers, wherever the driver put the SQLSTATE', () => {
    expect(constraintProblem({ code: '23503' })).toMatchObject({ status: 400 });
    expect(constraintProblem({ code: '23505' })).toMatchObject({ status: 409 });
    expect(constraintProblem({ code: '22001' })).toMatchObject({ status: 400 });
    // PGlite and Kysely wrap the database's error: the cause chain is read.
    expect(constraintProblem(new Error('wrapped', { cause: { code: '23503' } }))).toMatchObject({ status: 400 });
    expect(isUniqueViolation(new Error('wrapped', { cause: new Error('again', { cause: { code: '23505' } }) }))).toBe(true);
  });

  it('leaves everything else to be a 500: a lost connection, a syntax error, an error without a code', () => {
    expect(constraintProblem({ code: '08006' })).toBeNull();
    expect(constraintProblem({ code: '42601' })).toBeNull();
    expect(constraintProblem(new Error('boom'))).toBeNull();
    expect(constraintProblem({ code: 'ECONNRESET' })).toBeNull();
  });
});

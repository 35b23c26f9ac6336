/** Recognises PostgreSQL errors by SQLSTATE, the same from both drivers. */
export const codeOf = (err: unknown): string | undefined => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
};

export const isUniqueViolation = (err: unknown) => codeOf(err) === '23505';

/**
 * A constraint the database enforced where a service check was missing: what the caller sent is
 * wrong (a reference to nothing, a duplicate, a value out of range), so it gets a 4xx, not a 500.
 */
export function constraintProblem(err: unknown): { status: 400 | 409; message: string } | null {
  switch (codeOf(err)) {
    case '23503':
      return { status: 400, message: 'A record the request refers to does not exist' };
    case '23505':
      return { status: 409, message: 'A record with these values already exists' };
    case '23514':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
      return { status: 400, message: 'A value is out of range for its field' };
    default:
      return null;
  }
}

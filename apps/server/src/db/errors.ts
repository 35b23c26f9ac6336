/** Recognises PostgreSQL errors by SQLSTATE, the same from both drivers. */
const codeOf = (err: unknown): string | undefined => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
};

export const isUniqueViolation = (err: unknown) => codeOf(err) === '23505';

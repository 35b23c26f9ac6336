import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './passwords.ts';

describe('password policy', () => {
  it('wants 8 characters from 3 classes', () => {
    expect(passwordProblems('Ab1!', 'u')).toContain('at least 8 characters');
    expect(passwordProblems('abcdefgh1', 'u')).toContain('at least 3 of: lower-case, upper-case, digits, symbols');
    expect(passwordProblems('Gr1d-worker', 'u')).toEqual([]);
  });

  it('refuses common passwords and the username', () => {
    expect(passwordProblems('P@ssw0rd', 'u')).toContain('not a common password');
    expect(passwordProblems('Liming-2026', 'liming')).toContain('must not contain the username');
  });

  it('generates passwords that pass the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblems(generatePassword(), 'someone')).toEqual([]);
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Gr1d-worker');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Gr1d-worker')).toBe(true);
    expect(await verifyPassword(h, 'gr1d-worker')).toBe(false);
  });
});

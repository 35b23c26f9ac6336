/**
 * Password policy and hashing. argon2id (@node-rs/argon2); at least 8 characters from at least
 * 3 of 4 classes; not a common password, not the username.
 */
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Common passwords (and the Chinese favourites) that satisfy the length/class rules or nearly do.
const BLOCKLIST = new Set(
  [
    'password',
    'password1',
    'password123',
    'passw0rd',
    'p@ssw0rd',
    'p@ssword',
    'p@ssword1',
    'password!',
    'qwerty123',
    'qwe123!@#',
    'qwer1234',
    'qwerty1!',
    '1qaz2wsx',
    '1qaz@wsx',
    '1q2w3e4r',
    '1q2w3e4r5t',
    'zaq12wsx',
    'abc123456',
    'abcd1234',
    'abc@123',
    'a123456789',
    'aa123456',
    'admin123',
    'admin@123',
    'admin1234',
    'admin888',
    'administrator',
    'root1234',
    'test1234',
    'welcome1',
    'welcome123',
    'iloveyou1',
    'woaini1314',
    'woaini520',
    '5201314a',
    'a5201314',
    'qq123456',
    'asdf1234',
    'asd123456',
    'zxcvbnm1',
    'changeme1',
    'letmein1',
    'sunshine1',
    'football1',
    'baseball1',
    'monkey123',
    'dragon123',
    'master123',
    'shadow123',
    'superman1',
    'huawei123',
    'wangge123',
    'wangge@123',
    'grid1234',
    'china123',
    'china@123',
    'beijing2008',
    'Aa123456',
    'Aa123456!',
    'Abc12345',
    'Abc@1234',
    'Abcd@1234',
    'Admin@123',
    'Admin123!',
    'P@ssw0rd',
    'P@ssw0rd1',
    'Passw0rd!',
    'Qwer@1234',
    'Qwerty@123',
    'Zxcv@1234',
  ].map((p) => p.toLowerCase()),
);

export interface PolicyIssue {
  message: string;
}

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('at least 8 characters');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('at least 3 of: lower-case, upper-case, digits, symbols');
  const lower = password.toLowerCase();
  if (BLOCKLIST.has(lower)) problems.push('not a common password');
  if (username && lower.includes(username.toLowerCase())) problems.push('must not contain the username');
  return problems;
}

// Moderate cost: ~50 ms on this machine's class of CPU; login is rate-limited by the lockout anyway.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);
export const verifyPassword = (hashed: string, password: string) => verify(hashed, password).catch(() => false);

/** Spent on unknown usernames so their answer takes as long as a wrong password. */
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy-password-for-timing-Aa1!');
  await verify(await dummyHash, password).catch(() => false);
  return false;
}

/** A strong random password that satisfies the policy (initial and reset passwords, demo accounts). */
export function generatePassword(length = 14): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#%^*-_+='];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

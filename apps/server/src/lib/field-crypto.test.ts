import { describe, expect, it } from 'vitest';
import { FieldCrypto, IntegrityError, generateKeyRing, maskIdNumber, maskPhone } from './field-crypto.ts';

describe('FieldCrypto', () => {
  const ring = generateKeyRing();
  const crypto = new FieldCrypto(ring);

  it('round-trips a value and never stores the plaintext', () => {
    const enc = crypto.encrypt('13812341234');
    expect(enc.startsWith('k1:')).toBe(true);
    expect(enc).not.toContain('13812341234');
    expect(crypto.decrypt(enc)).toBe('13812341234');
    expect(crypto.encrypt('13812341234')).not.toBe(enc);
  });

  it('detects a flipped ciphertext byte as an integrity error', () => {
    const enc = crypto.encrypt('43062419850101123X');
    const raw = Buffer.from(enc.slice(3), 'base64');
    raw[20] = raw[20]! ^ 0x01;
    expect(() => crypto.decrypt(`k1:${raw.toString('base64')}`)).toThrow(IntegrityError);
  });

  it('decrypts values of an older key after rotation and flags them stale', () => {
    const old = crypto.encrypt('13900001111');
    const rotated = new FieldCrypto({ ...ring, current: 'k2', keys: { ...ring.keys, ...generateKeyRing('k2').keys } });
    expect(rotated.decrypt(old)).toBe('13900001111');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('x'))).toBe(false);
  });

  it('gives a deterministic keyed blind index', () => {
    expect(crypto.blindIndex('13812341234')).toBe(crypto.blindIndex('13812341234'));
    expect(crypto.blindIndex('13812341234')).not.toBe(new FieldCrypto(generateKeyRing()).blindIndex('13812341234'));
  });

  it('masks phones and ID numbers', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdNumber('43062419850101123X')).toBe('430***********123X');
  });
});

import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacSm3, Sm4Cbc } from './sm-fast.ts';

describe('fast SM4-CBC and HMAC-SM3', () => {
  it('produce exactly what OpenSSL’s sm4-cbc and hmac sm3 produce', () => {
    for (let n = 0; n < 200; n++) {
      const key = randomBytes(16);
      const iv = randomBytes(16);
      const plain = randomBytes(n % 70);
      const reference = createCipheriv('sm4-cbc', key, iv);
      const expected = Buffer.concat([reference.update(plain), reference.final()]);
      const sm4 = new Sm4Cbc(key);
      expect(sm4.encrypt(plain, iv).equals(expected)).toBe(true);
      expect(sm4.decrypt(expected, iv).equals(plain)).toBe(true);
      const d = createDecipheriv('sm4-cbc', key, iv);
      expect(Buffer.concat([d.update(sm4.encrypt(plain, iv)), d.final()]).equals(plain)).toBe(true);
      const macKey = randomBytes(n % 2 ? 32 : 100);
      expect(new HmacSm3(macKey).digest(plain, 'x').equals(createHmac('sm3', macKey).update(plain).update('x').digest())).toBe(
        true,
      );
    }
  });

  it('HMAC-SM3 agrees with OpenSSL at every message length around the block edges, and for long and UTF-8 input', () => {
    const key = randomBytes(32);
    const mac = new HmacSm3(key);
    for (let n = 0; n <= 200; n++) {
      const msg = randomBytes(n);
      expect(mac.digest(msg).equals(createHmac('sm3', key).update(msg).digest())).toBe(true);
    }
    const long = randomBytes(100_000);
    expect(mac.digest(long, '网格').equals(createHmac('sm3', key).update(long).update('网格').digest())).toBe(true);
    const parts = ['k1', randomBytes(16), '', '公民身份号码'];
    const reference = createHmac('sm3', key);
    for (const p of parts) reference.update(p);
    expect(mac.digest(...parts).equals(reference.digest())).toBe(true);
    // A 64-byte key is used as is; a longer one is hashed first.
    for (const k of [randomBytes(64), randomBytes(65), randomBytes(1)])
      expect(new HmacSm3(k).digest('x').equals(createHmac('sm3', k).update('x').digest())).toBe(true);
  });
});

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
});

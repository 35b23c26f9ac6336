import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacSm3, Sm4Cbc } from './sm-fast.ts';
import { sm4Block, sm4RoundKeys } from './sm4.ts';

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

  it('SM4 blocks match the standard’s example (GB/T 32907 appendix A) and OpenSSL’s sm4-ecb', () => {
    const hex = (h: string) => Buffer.from(h, 'hex');
    const key = hex('0123456789abcdeffedcba9876543210');
    const rk = sm4RoundKeys(key);
    const out = Buffer.alloc(16);
    sm4Block(rk, key, 0, out, 0);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    // Example 2: the same block encrypted 1,000,000 times in place.
    const block = Buffer.from(key);
    for (let i = 0; i < 1_000_000; i++) sm4Block(rk, block, 0, block, 0);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
    // Decryption is the same rounds with the keys reversed.
    sm4Block(rk.slice().reverse(), out, 0, out, 0);
    expect(out.equals(key)).toBe(true);
    for (let n = 0; n < 100; n++) {
      const k = randomBytes(16);
      const plain = randomBytes(64);
      const ecb = createCipheriv('sm4-ecb', k, null).setAutoPadding(false);
      const expected = Buffer.concat([ecb.update(plain), ecb.final()]);
      const mine = Buffer.alloc(64);
      const keys = sm4RoundKeys(k);
      for (let off = 0; off < 64; off += 16) sm4Block(keys, plain, off, mine, off);
      expect(mine.equals(expected)).toBe(true);
    }
    expect(() => sm4RoundKeys(randomBytes(15))).toThrow('16-byte key');
  });
});

/**
 * SM4-CBC and HMAC-SM3 without OpenSSL's per-call context set-up, which costs ~40 µs each in
 * Node (OpenSSL 3 fetches the algorithm every time) and would dominate a 600,000-row import.
 * SM4-CBC chains the blocks of sm4.ts from round keys computed once per key. HMAC (RFC 2104)
 * starts from SM3 states precomputed over the padded key and finishes each message with the
 * JavaScript SM3 of sm3.ts (a third of OpenSSL's cost through `Hash.copy()`). Outputs are
 * byte-identical to createCipheriv('sm4-cbc') with PKCS#7 padding and createHmac('sm3');
 * sm-fast.test.ts checks it.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { SM3_IV, sm3Compress, sm3Finish } from './sm3.ts';
import { sm4Block, sm4RoundKeys } from './sm4.ts';

const BLOCK = 16;

export class Sm4Cbc {
  readonly #enc: Int32Array;
  readonly #dec: Int32Array;
  constructor(key: Buffer) {
    this.#enc = sm4RoundKeys(key);
    this.#dec = this.#enc.slice().reverse();
  }

  encrypt(plain: Buffer, iv: Buffer): Buffer {
    const pad = BLOCK - (plain.length % BLOCK);
    const out = Buffer.allocUnsafe(plain.length + pad);
    plain.copy(out);
    out.fill(pad, plain.length);
    let prev: Uint8Array = iv;
    let at = 0;
    for (let off = 0; off < out.length; off += BLOCK) {
      for (let i = 0; i < BLOCK; i++) out[off + i]! ^= prev[at + i]!;
      sm4Block(this.#enc, out, off, out, off);
      prev = out;
      at = off;
    }
    return out;
  }

  decrypt(ct: Buffer, iv: Buffer): Buffer {
    if (ct.length === 0 || ct.length % BLOCK !== 0) throw new Error('bad ciphertext length');
    const out = Buffer.allocUnsafe(ct.length);
    let prev: Uint8Array = iv;
    let at = 0;
    for (let off = 0; off < ct.length; off += BLOCK) {
      sm4Block(this.#dec, ct, off, out, off);
      for (let i = 0; i < BLOCK; i++) out[off + i]! ^= prev[at + i]!;
      prev = ct;
      at = off;
    }
    const pad = out[out.length - 1]!;
    if (pad < 1 || pad > BLOCK || out.subarray(out.length - pad).some((b) => b !== pad)) throw new Error('bad padding');
    return out.subarray(0, out.length - pad);
  }
}

export class HmacSm3 {
  /** SM3 states after the key XOR ipad / opad block (64 bytes absorbed each). */
  readonly #inner = new Int32Array(8);
  readonly #outer = new Int32Array(8);
  readonly #state = new Int32Array(8);
  readonly #mid = new Uint8Array(32);
  #scratch = Buffer.alloc(256);
  constructor(key: Buffer) {
    const k = Buffer.alloc(64);
    (key.length > 64 ? createHash('sm3').update(key).digest() : key).copy(k);
    this.#inner.set(SM3_IV);
    sm3Compress(
      this.#inner,
      k.map((b) => b ^ 0x36),
      0,
    );
    this.#outer.set(SM3_IV);
    sm3Compress(
      this.#outer,
      k.map((b) => b ^ 0x5c),
      0,
    );
  }

  /** HMAC-SM3 over the parts concatenated (strings as UTF-8). */
  digest(...parts: (Buffer | string)[]): Buffer {
    let len = 0;
    for (const p of parts) len += typeof p === 'string' ? Buffer.byteLength(p) : p.length;
    if (this.#scratch.length < len + 72) this.#scratch = Buffer.alloc(2 * (len + 72));
    const s = this.#scratch;
    let at = 0;
    for (const p of parts) at += typeof p === 'string' ? s.write(p, at) : p.copy(s, at);
    sm3Finish(this.#inner, 64, s, len, s, this.#state, this.#mid);
    const out = Buffer.allocUnsafe(32);
    sm3Finish(this.#outer, 64, this.#mid, 32, s, this.#state, out);
    return out;
  }
}

/** Random IVs from a pooled buffer: one syscall per 4,096 IVs. */
export class IvPool {
  #pool = Buffer.alloc(0);
  #at = 0;
  next(): Buffer {
    if (this.#at + BLOCK > this.#pool.length) {
      this.#pool = randomFillSync(Buffer.allocUnsafe(BLOCK * 4096));
      this.#at = 0;
    }
    const iv = Buffer.from(this.#pool.subarray(this.#at, this.#at + BLOCK));
    this.#at += BLOCK;
    return iv;
  }
}

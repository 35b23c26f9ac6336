/**
 * Encryption of personal fields (ID numbers, phones) with SM4-CBC, authenticated by HMAC-SM3 over
 * key id, IV and ciphertext (encrypt-then-MAC), so a flipped byte is an integrity error, not garbage.
 * Each value carries its key id ("k1:…") so keys can rotate. Exact lookup goes through a keyed
 * blind index (HMAC-SM3) instead of decrypting. Keys live outside the database (a key file).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HmacSm3, IvPool, Sm4Cbc } from './sm-fast.ts';

export interface KeyRing {
  current: string;
  keys: Record<string, { enc: string; mac: string }>;
  /** Key of the blind index. It cannot rotate without rebuilding every index column. */
  blindIndex: string;
  /** Key of the audit seal chain (HMAC-SM3). Older key files without it derive one from blindIndex. */
  audit?: string;
}

export class IntegrityError extends Error {
  constructor(message = 'encrypted field failed its integrity check') {
    super(message);
    this.name = 'IntegrityError';
  }
}

export function generateKeyRing(id = 'k1'): KeyRing {
  return {
    current: id,
    keys: { [id]: { enc: randomBytes(16).toString('hex'), mac: randomBytes(32).toString('hex') } },
    blindIndex: randomBytes(32).toString('hex'),
    audit: randomBytes(32).toString('hex'),
  };
}

export function validateKeyRing(ring: unknown): KeyRing {
  const r = ring as KeyRing;
  const hex = (v: unknown, bytes: number) => typeof v === 'string' && new RegExp(`^[0-9a-f]{${bytes * 2}}$`).test(v);
  if (!r || typeof r.current !== 'string' || typeof r.keys !== 'object' || !r.keys[r.current]) {
    throw new Error('key ring needs "current" naming one of "keys"');
  }
  for (const [id, k] of Object.entries(r.keys)) {
    if (!/^[a-z0-9]{1,8}$/.test(id) || !hex(k.enc, 16) || !hex(k.mac, 32)) throw new Error(`key ${id} is malformed`);
  }
  if (!hex(r.blindIndex, 32)) throw new Error('blindIndex key is malformed');
  if (r.audit !== undefined && !hex(r.audit, 32)) throw new Error('audit key is malformed');
  return r;
}

/** Reads the key file, creating it (mode 0600) with fresh keys when it does not exist yet. */
export function loadOrCreateKeyRing(file: string): KeyRing {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(generateKeyRing(), null, 2), { mode: 0o600 });
  }
  return validateKeyRing(JSON.parse(readFileSync(file, 'utf8')));
}

export class FieldCrypto {
  readonly #ciphers = new Map<string, { sm4: Sm4Cbc; mac: HmacSm3 }>();
  readonly #ivs = new IvPool();
  readonly #blind: HmacSm3;
  readonly #seal: HmacSm3;

  constructor(private readonly ring: KeyRing) {
    for (const [id, k] of Object.entries(ring.keys))
      this.#ciphers.set(id, { sm4: new Sm4Cbc(Buffer.from(k.enc, 'hex')), mac: new HmacSm3(Buffer.from(k.mac, 'hex')) });
    this.#blind = new HmacSm3(Buffer.from(ring.blindIndex, 'hex'));
    this.#seal = new HmacSm3(
      ring.audit
        ? Buffer.from(ring.audit, 'hex')
        : createHmac('sm3', Buffer.from(ring.blindIndex, 'hex')).update('audit-seal').digest(),
    );
  }

  /** For rotation only: the keys themselves never leave this module otherwise. */
  get keyRing(): KeyRing {
    return this.ring;
  }

  get currentKeyId(): string {
    return this.ring.current;
  }

  encrypt(plain: string): string {
    const id = this.ring.current;
    const { sm4, mac } = this.#ciphers.get(id)!;
    const iv = this.#ivs.next();
    const ct = sm4.encrypt(Buffer.from(plain, 'utf8'), iv);
    const tag = mac.digest(id, iv, ct);
    return `${id}:${Buffer.concat([iv, ct, tag]).toString('base64')}`;
  }

  decrypt(value: string): string {
    const sep = value.indexOf(':');
    const id = value.slice(0, sep);
    const keys = this.#ciphers.get(id);
    if (sep < 1 || !keys) throw new IntegrityError(`unknown key id "${id}"`);
    const buf = Buffer.from(value.slice(sep + 1), 'base64');
    if (buf.length < 16 + 16 + 32) throw new IntegrityError();
    const iv = buf.subarray(0, 16);
    const ct = buf.subarray(16, buf.length - 32);
    const tag = buf.subarray(buf.length - 32);
    if (!timingSafeEqual(tag, keys.mac.digest(id, iv, ct))) throw new IntegrityError();
    return keys.sm4.decrypt(ct, iv).toString('utf8');
  }

  /** True when the value was encrypted under an older key (rotation re-encrypts it). */
  isStale(value: string): boolean {
    return !value.startsWith(`${this.ring.current}:`);
  }

  /** Keyed, deterministic digest for exact lookup; normalise the input before calling. */
  blindIndex(plain: string): string {
    return this.#blind.digest(plain).toString('base64url');
  }

  /** One link of the audit seal chain: HMAC-SM3 over the previous link and the canonical row. */
  sealLink(previous: string, canonicalRow: string): string {
    return this.#seal.digest(previous, '\n', canonicalRow).toString('base64url');
  }

  /** The ring with a new current key (older keys kept to decrypt what they sealed). */
  static rotated(ring: KeyRing): KeyRing {
    const numbers = Object.keys(ring.keys).map((k) => Number(k.replace(/\D/g, '')) || 0);
    const id = `k${Math.max(0, ...numbers) + 1}`;
    return { ...ring, current: id, keys: { ...ring.keys, ...generateKeyRing(id).keys } };
  }
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}

/** 18 characters: the first 3 and last 4 shown; a passport or permit: the first and last 3; short ones: nothing. */
export function maskIdNumber(id: string): string {
  if (id.length === 18) return `${id.slice(0, 3)}***********${id.slice(14)}`;
  return id.length >= 8 ? `${id[0]}${'*'.repeat(id.length - 4)}${id.slice(-3)}` : '*'.repeat(id.length);
}

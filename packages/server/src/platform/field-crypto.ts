import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors.ts';

// Personal information at rest (gov-it.md §2, issue 11 item 9): ID numbers, phones and e-mails are kept in their
// columns as `sm4:1:<keyId>:<base64url(iv | ciphertext | tag)>`. Node has no SM4-GCM, so version 1 is SM4-CBC
// with a random IV, then HMAC-SM3 over the header, IV and ciphertext (encrypt-then-MAC): a changed byte is
// refused before anything is decrypted. CBC rather than CTR so the stored length hides the exact text length.

export interface DataKey {
  id: string;
  /** 32 bytes of key material; the SM4 and MAC keys are derived from it, never used directly. */
  material: Buffer;
}

const MARKER = 'sm4:';
const VERSION = '1';
const IV_BYTES = 16;
const TAG_BYTES = 32;
const BLOCK = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** True for a value this module wrote; anything else in these columns is plaintext from before encryption. */
export const isSealed = (stored: string) => stored.startsWith(MARKER);

/** The key id a sealed value names, or null for plaintext. */
export function sealedKeyId(stored: string): string | null {
  if (!isSealed(stored)) return null;
  return stored.split(':')[2] ?? null;
}

/** `id1:hex64,id0:hex64` (ZHIZAO_DATA_KEYS and secrets.json): the first key is current, the rest only decrypt. */
export function parseDataKeys(text: string): DataKey[] {
  const keys = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id = '', hex = '', ...rest] = part.split(':');
      if (!KEY_ID.test(id) || !HEX_KEY.test(hex) || rest.length)
        throw new Error(`data key "${id}" must be written id:hex (id of letters, digits, _ or -; 64 hex digits)`);
      return { id, material: Buffer.from(hex, 'hex') };
    });
  if (!keys.length) throw new Error('no data key given');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('data key ids must be distinct');
  return keys;
}

export const formatDataKeys = (keys: readonly DataKey[]) => keys.map((k) => `${k.id}:${k.material.toString('hex')}`).join(',');

interface DerivedKey {
  id: string;
  sm4: Buffer;
  mac: Buffer;
}

// Separate keys for secrecy and integrity, derived from one stored secret.
const derive = ({ id, material }: DataKey): DerivedKey => ({
  id,
  sm4: createHmac('sm3', material).update('zhizao field sm4').digest().subarray(0, 16),
  mac: createHmac('sm3', material).update('zhizao field hmac').digest(),
});

const tagOf = (key: DerivedKey, header: string, body: Buffer) => createHmac('sm3', key.mac).update(header).update(body).digest();

const unreadable = () => new AppError(500, 'data.unreadable');

/** Seals and opens personal fields with the current key; opens values sealed under any key it holds. */
export class FieldCipher {
  private readonly keys: Map<string, DerivedKey>;
  private readonly current: DerivedKey;

  constructor(keys: readonly DataKey[]) {
    if (!keys.length) throw new Error('FieldCipher needs at least one key');
    this.keys = new Map(keys.map((k) => [k.id, derive(k)]));
    this.current = this.keys.get(keys[0]!.id)!;
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  /** The prefix every value sealed under the current key starts with (rotation looks for the others). */
  get currentPrefix(): string {
    return `${MARKER}${VERSION}:${this.current.id}:`;
  }

  seal(plain: string): string;
  seal(plain: string | null): string | null;
  seal(plain: string | null): string | null {
    if (plain === null) return null;
    const header = this.currentPrefix;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-cbc', this.current.sm4, iv);
    const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
    return header + Buffer.concat([body, tagOf(this.current, header, body)]).toString('base64url');
  }

  /** The plaintext; legacy plaintext (no marker) as it is. Throws `data.unreadable` for anything altered or under an unknown key. */
  open(stored: string): string;
  open(stored: string | null): string | null;
  open(stored: string | null): string | null {
    if (stored === null || !isSealed(stored)) return stored;
    const parts = stored.split(':');
    const key = parts.length === 4 && parts[1] === VERSION ? this.keys.get(parts[2]!) : undefined;
    if (!key) throw unreadable();
    const raw = Buffer.from(parts[3]!, 'base64url');
    // The decoder skips stray characters and unused trailing bits: only the canonical text of the bytes is accepted.
    if (raw.toString('base64url') !== parts[3]) throw unreadable();
    const bodyLength = raw.length - TAG_BYTES;
    if (bodyLength < IV_BYTES + BLOCK || (bodyLength - IV_BYTES) % BLOCK !== 0) throw unreadable();
    const body = raw.subarray(0, bodyLength);
    // Recomputed over the header as stored: a value moved under another key id or version fails here too.
    const expected = tagOf(key, `${parts[0]}:${parts[1]}:${parts[2]}:`, body);
    if (!timingSafeEqual(expected, raw.subarray(bodyLength))) throw unreadable();
    try {
      const decipher = createDecipheriv('sm4-cbc', key.sm4, body.subarray(0, IV_BYTES));
      return Buffer.concat([decipher.update(body.subarray(IV_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw unreadable();
    }
  }

  /** A copy with these fields sealed: what a repo writes. */
  sealFields<T extends object, K extends keyof T>(values: T, fields: readonly K[]): T {
    return this.mapFields(values, fields, (v) => this.seal(v));
  }

  /** A copy with these fields opened: what a repo reads. */
  openFields<T extends object, K extends keyof T>(row: T, fields: readonly K[]): T {
    return this.mapFields(row, fields, (v) => this.open(v));
  }

  private mapFields<T extends object, K extends keyof T>(values: T, fields: readonly K[], map: (v: string | null) => string | null): T {
    const out = { ...values };
    for (const f of fields) {
      const v: unknown = values[f];
      if (typeof v === 'string' || v === null) out[f] = map(v) as T[K];
    }
    return out;
  }
}

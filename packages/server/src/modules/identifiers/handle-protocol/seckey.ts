import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { WireError, WireReader } from '@zhizao/domain/identifiers/handle-wire/index';

// The proof a Handle client sends with HS_SECKEY in a challenge answer (opcode 200), as CNRI's clients of protocol
// 2.11 make it: octet 0x22 (PBKDF2-HMAC-SHA1), the client's salt, the iteration count and the key length in bits,
// then HMAC-SHA1 over the challenge's nonce and the digest of the challenged request, keyed by
// PBKDF2-HMAC-SHA1(secret, salt, iterations, length). Checked against the recorded conversation in
// shared/standards/handle/ (seckey.test.ts).

export const SECKEY_PBKDF2_HMAC_SHA1 = 0x22;
/** Bounds on what a client may make the server compute (Handle.Net's clients send 10,000 iterations, 160 bits). */
const MAX_ITERATIONS = 100_000;
const MAX_KEY_BITS = 512;
const MAX_SALT = 64;

export interface SecretKeyProof {
  salt: Uint8Array;
  iterations: number;
  keyBits: number;
  mac: Uint8Array;
}

export function readSecretKeyProof(answer: Uint8Array): SecretKeyProof {
  const r = new WireReader(answer);
  if (r.u8('proof type') !== SECKEY_PBKDF2_HMAC_SHA1) throw new WireError('unsupported HS_SECKEY proof', 406);
  const proof = { salt: r.bytesField('salt'), iterations: r.u32('iterations'), keyBits: r.u32('key length'), mac: r.bytesField('proof') };
  const bounded =
    proof.salt.length <= MAX_SALT &&
    proof.iterations > 0 &&
    proof.iterations <= MAX_ITERATIONS &&
    proof.keyBits % 8 === 0 &&
    proof.keyBits > 0;
  if (!bounded || proof.keyBits > MAX_KEY_BITS || r.remaining !== 0) throw new WireError('HS_SECKEY proof out of bounds', 406);
  return proof;
}

/** True when the answer proves knowledge of `secret` for this nonce and request digest. */
export function secretKeyAnswerMatches(answer: Uint8Array, secret: string, nonce: Uint8Array, requestDigest: Uint8Array): boolean {
  let proof: SecretKeyProof;
  try {
    proof = readSecretKeyProof(answer);
  } catch {
    return false;
  }
  const key = pbkdf2Sync(secret, proof.salt, proof.iterations, proof.keyBits / 8, 'sha1');
  const expected = createHmac('sha1', key).update(nonce).update(requestDigest).digest();
  return expected.length === proof.mac.length && timingSafeEqual(expected, proof.mac);
}

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The node's own RSA key pair for the Handle protocol: its public part goes into the site information clients
// verify signed answers with (RFC 3652 §2.2.4 HS_SIGNED), its private part signs and never leaves the data folder.

export const NODE_KEY_FILE = 'handle-node-key.pem';

export interface NodeKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The key pair in `dataDir`, generated (2048-bit RSA, PKCS#8, readable by the owner only) on first start. */
export function loadOrCreateNodeKey(dataDir: string): NodeKey {
  const file = path.join(dataDir, NODE_KEY_FILE);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    mkdirSync(dataDir, { recursive: true });
    // 'wx': two processes starting at once keep the first one's key
    try {
      writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch {
      pem = readFileSync(file, 'utf8');
    }
  }
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

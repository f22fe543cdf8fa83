import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { formatDataKeys, parseDataKeys, type DataKey } from './field-crypto.ts';

// Keys never live in the repository or the database (gov-it.md §2). Taken from the environment, or
// generated once into the data folder (mode 0600) for a single-machine install.

interface StoredSecrets {
  auditKey?: string;
  /** The field-encryption keys, written as ZHIZAO_DATA_KEYS is. */
  dataKeys?: string;
}

const secretsFile = (dataDir: string) => path.join(dataDir, 'secrets.json');

function readSecrets(dataDir: string): StoredSecrets {
  const file = secretsFile(dataDir);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSecrets) : {};
}

/** Sets one secret, keeping the others; through a temporary file, so a crash never leaves a half-written file that loses the audit key. */
function writeSecret(dataDir: string, name: keyof StoredSecrets, value: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = secretsFile(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ ...readSecrets(dataDir), [name]: value }, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/** One secret of data/secrets.json, generated and added beside the others when missing. */
function storedSecret(dataDir: string, name: keyof StoredSecrets, generate: () => string): string {
  const existing = readSecrets(dataDir)[name];
  if (existing) return existing;
  const value = generate();
  writeSecret(dataDir, name, value);
  return value;
}

export function loadAuditKey(envKey: string | null, dataDir: string): Buffer {
  if (envKey) return Buffer.from(envKey, 'hex');
  return Buffer.from(
    storedSecret(dataDir, 'auditKey', () => randomBytes(32).toString('hex')),
    'hex',
  );
}

// Named by when it was made (and a random tail, so two made in one second differ).
const newDataKey = (): DataKey => ({
  id: `k${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(2).toString('hex')}`,
  material: randomBytes(32),
});

/** ZHIZAO_DATA_KEYS, or else the keys of secrets.json (one generated on first start). The first is current. */
export function loadDataKeys(envKeys: string | null, dataDir: string): DataKey[] {
  if (envKeys) return parseDataKeys(envKeys);
  return parseDataKeys(storedSecret(dataDir, 'dataKeys', () => formatDataKeys([newDataKey()])));
}

/** Rotation on a single-machine install: a new current key first in secrets.json, the old ones kept to read what they sealed. */
export function addStoredDataKey(dataDir: string): DataKey {
  const key = newDataKey();
  writeSecret(dataDir, 'dataKeys', formatDataKeys([key, ...loadDataKeys(null, dataDir)]));
  return key;
}

/** Drops every key but the current one from secrets.json: only once nothing is sealed under them any more. */
export function retireStoredDataKeys(dataDir: string): DataKey[] {
  const [current, ...retired] = loadDataKeys(null, dataDir);
  writeSecret(dataDir, 'dataKeys', formatDataKeys([current!]));
  return retired;
}

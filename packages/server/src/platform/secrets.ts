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

/** One secret of data/secrets.json, generated and added beside the others when missing. */
function storedSecret(dataDir: string, name: keyof StoredSecrets, generate: () => string): string {
  const file = path.join(dataDir, 'secrets.json');
  fs.mkdirSync(dataDir, { recursive: true });
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSecrets) : {};
  const existing = stored[name];
  if (existing) return existing;
  const value = generate();
  // Through a temporary file, so a crash never leaves a half-written file that loses the audit key.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ ...stored, [name]: value }, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, file);
  return value;
}

export function loadAuditKey(envKey: string | null, dataDir: string): Buffer {
  if (envKey) return Buffer.from(envKey, 'hex');
  return Buffer.from(
    storedSecret(dataDir, 'auditKey', () => randomBytes(32).toString('hex')),
    'hex',
  );
}

/** ZHIZAO_DATA_KEYS, or else the keys of secrets.json (one generated on first start). The first is current. */
export function loadDataKeys(envKeys: string | null, dataDir: string): DataKey[] {
  if (envKeys) return parseDataKeys(envKeys);
  const generated = () =>
    formatDataKeys([{ id: `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`, material: randomBytes(32) }]);
  return parseDataKeys(storedSecret(dataDir, 'dataKeys', generated));
}

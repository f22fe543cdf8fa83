import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

// Keys never live in the repository or the database (gov-it.md §2). Taken from the environment, or
// generated once into the data folder (mode 0600) for a single-machine install.
export function loadAuditKey(envKey: string | null, dataDir: string): Buffer {
  if (envKey) return Buffer.from(envKey, 'hex');
  const file = path.join(dataDir, 'secrets.json');
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(file)) {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { auditKey?: string };
    if (stored.auditKey) return Buffer.from(stored.auditKey, 'hex');
  }
  const key = randomBytes(32);
  fs.writeFileSync(file, JSON.stringify({ auditKey: key.toString('hex') }, null, 2), { mode: 0o600 });
  return key;
}

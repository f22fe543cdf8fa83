import { parseArgs } from 'node:util';
import { openAppContext } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import type { ResealReport } from '../platform/field-rotation.ts';
import { addStoredDataKey, retireStoredDataKeys } from '../platform/secrets.ts';
import { runCli } from './cli-context.ts';
import { CliError } from './cli-error.ts';

// Rotates the keys that seal personal fields (ID numbers, phones, e-mails), beside the running platform or not:
//   npm run keys:rotate                 a new current key, then every sealed value re-sealed under it
//   npm run keys:rotate -- --retire     afterwards: drop the old keys, once nothing is sealed under them
// With ZHIZAO_DATA_KEYS the keys are the operator's: put the new key first there, run this (or restart), then
// remove the old key. Without it they live in data/secrets.json, which this command edits.

const USAGE = `用法 · Usage:
  npm run keys:rotate [-- --retire]

无 --retire：生成新的当前密钥（ZHIZAO_DATA_KEYS 未设置时写入 data/secrets.json），并用它重新加密所有个人信息字段。
--retire：确认所有字段已在当前密钥下后，从 data/secrets.json 删除旧密钥。
Without --retire: a new current key (into data/secrets.json when ZHIZAO_DATA_KEYS is unset), every personal field re-sealed under it.
--retire: once every field is under the current key, the old keys are removed from data/secrets.json.`;

const describe = (reports: ResealReport[]) =>
  reports.map((r) => `  ${r.table}: ${r.resealed} re-sealed${r.unreadable ? `, ${r.unreadable} UNREADABLE` : ''}`).join('\n');

async function rotateKeys(argv: string[]): Promise<string> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { retire: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) return USAGE;
  const config = loadConfig();
  if (values.retire && config.dataKeys)
    throw new CliError('密钥来自 ZHIZAO_DATA_KEYS：请在其中删除旧密钥 · The keys come from ZHIZAO_DATA_KEYS: remove the old ones there', 2);
  const added = !values.retire && !config.dataKeys ? addStoredDataKey(config.dataDir) : null;
  let reports: ResealReport[] = [];
  // not cli-context's openContext: this command needs what the start-up re-sealing did
  const ctx = await openAppContext(config, { onResealed: (r) => (reports = r) }).catch((error: Error) => {
    throw new CliError(`无法打开数据库 · Cannot open the database: ${error.message}`);
  });
  const current = ctx.cipher.currentKeyId;
  await ctx.db.destroy();
  const unreadable = reports.reduce((n, r) => n + r.unreadable, 0);
  if (unreadable)
    throw new CliError(
      `${unreadable} 个字段无法解密，旧密钥仍须保留 · ${unreadable} value(s) cannot be opened (altered, or their key is missing); keep the old keys\n${describe(reports)}`,
    );
  if (values.retire) {
    const retired = retireStoredDataKeys(config.dataDir);
    return `已删除旧密钥 · Retired ${retired.length} old key(s) (${retired.map((k) => k.id).join(', ') || 'none'}); current key ${current}`;
  }
  return `${added ? `新密钥 · New key ${added.id} in secrets.json\n` : ''}当前密钥 · Current key ${current}\n${describe(reports)}`;
}

await runCli('keys:rotate', () => rotateKeys(process.argv.slice(2)));

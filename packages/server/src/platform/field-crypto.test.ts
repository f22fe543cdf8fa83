import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { FieldCipher, formatDataKeys, isSealed, parseDataKeys, sealedKeyId, type DataKey } from './field-crypto.ts';
import { loadAuditKey, loadDataKeys } from './secrets.ts';

const key = (id: string): DataKey => ({ id, material: randomBytes(32) });

const expectUnreadable = (open: () => unknown) => {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('data.unreadable');
    return;
  }
  throw new Error('opened a value it should have refused');
};

describe('field cipher (SM4-CBC + HMAC-SM3)', () => {
  const cipher = new FieldCipher([key('k1')]);

  it('seals with a fresh IV each time and opens back to the plaintext, nulls staying null', () => {
    const a = cipher.seal('370000199001010000');
    const b = cipher.seal('370000199001010000');
    expect(a).toMatch(/^sm4:1:k1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('3700001990');
    expect(cipher.open(a)).toBe('370000199001010000');
    expect(cipher.open(cipher.seal('李某 li@example.com'))).toBe('李某 li@example.com');
    expect(cipher.open(cipher.seal(''))).toBe('');
    expect(cipher.seal(null)).toBeNull();
    expect(cipher.open(null)).toBeNull();
    expect(isSealed(a) && sealedKeyId(a)).toBe('k1');
  });

  it('reads plaintext from before encryption as it is', () => {
    expect(cipher.open('13800000000')).toBe('13800000000');
  });

  it('refuses every altered value instead of returning garbage', () => {
    const sealed = cipher.seal('13800000000');
    const body = sealed.slice('sm4:1:k1:'.length);
    const raw = Buffer.from(body, 'base64url');
    for (const i of [0, 16, raw.length - 33, raw.length - 1]) {
      const flipped = Buffer.from(raw);
      flipped[i]! ^= 1;
      expectUnreadable(() => cipher.open(`sm4:1:k1:${flipped.toString('base64url')}`));
    }
    expectUnreadable(() => cipher.open(`sm4:1:k1:${raw.subarray(0, raw.length - 1).toString('base64url')}`));
    expectUnreadable(() => cipher.open(`sm4:2:k1:${body}`));
    expectUnreadable(() => cipher.open(`sm4:1:k0:${body}`));
    expectUnreadable(() => cipher.open(`sm4:1:k1:${body}=`));
    expectUnreadable(() => cipher.open(`sm4:1:k1:${body.slice(0, 10)}+${body.slice(10)}`));
    expectUnreadable(() => cipher.open('sm4:1:k1'));
    expectUnreadable(() => cipher.open(`sm4:1:k1:${body}:x`));
  });

  it('opens values under any key it holds, seals under the first, and refuses another installation’s', () => {
    const old = key('k0');
    const before = new FieldCipher([old]).seal('0631-5201234');
    const rotated = new FieldCipher([key('k1'), old]);
    expect(rotated.open(before)).toBe('0631-5201234');
    expect(sealedKeyId(rotated.seal('x'))).toBe('k1');
    expect(rotated.currentPrefix).toBe('sm4:1:k1:');
    expectUnreadable(() => new FieldCipher([key('k0')]).open(before)); // same id, other material: the tag fails
  });

  it('seals and opens only the fields named', () => {
    const row = { id: 7, phone: '13800000000', email: null as string | null, name: '张三' };
    const sealed = cipher.sealFields(row, ['phone', 'email']);
    expect(sealed).toMatchObject({ id: 7, email: null, name: '张三' });
    expect(isSealed(sealed.phone)).toBe(true);
    expect(cipher.openFields(sealed, ['phone', 'email'])).toEqual(row);
  });

  it('parses ZHIZAO_DATA_KEYS and rejects what is not id:hex64', () => {
    const keys = [key('k2'), key('k_1-a')];
    expect(parseDataKeys(` ${formatDataKeys(keys)} `).map((k) => k.id)).toEqual(['k2', 'k_1-a']);
    for (const bad of ['', 'k1', `k1:${'ab'.repeat(31)}`, `k:1:${'ab'.repeat(32)}`, `a b:${'ab'.repeat(32)}`])
      expect(() => parseDataKeys(bad), bad).toThrow();
    expect(() => parseDataKeys(`k1:${'ab'.repeat(32)},k1:${'cd'.repeat(32)}`)).toThrow(/distinct/);
  });
});

describe('data keys in secrets.json', () => {
  const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-secrets-'));

  it('adds a generated key beside the audit key already stored, mode 0600, and keeps both on the next start', () => {
    const dir = folder();
    const audit = loadAuditKey(null, dir);
    const keys = loadDataKeys(null, dir);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.material).toHaveLength(32);
    const file = path.join(dir, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadAuditKey(null, dir).equals(audit)).toBe(true);
    expect(formatDataKeys(loadDataKeys(null, dir))).toBe(formatDataKeys(keys));
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8'))).sort()).toEqual(['auditKey', 'dataKeys']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the data keys when the audit key is generated after them', () => {
    const dir = folder();
    const keys = formatDataKeys(loadDataKeys(null, dir));
    loadAuditKey(null, dir);
    expect(formatDataKeys(loadDataKeys(null, dir))).toBe(keys);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes ZHIZAO_DATA_KEYS over the file, writing nothing', () => {
    const dir = folder();
    const env = formatDataKeys([key('e1'), key('e0')]);
    expect(formatDataKeys(loadDataKeys(env, dir))).toBe(env);
    expect(fs.existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

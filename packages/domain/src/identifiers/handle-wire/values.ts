// Handle value records and the binary data of the protocol's own value types (RFC 3651 §3; RFC 3652 §2.1.4 and §3):
// the value record with its TTL, permissions and references; HS_ADMIN, HS_SITE, HS_VLIST and HS_PUBKEY data.
// HS_SECKEY data is the secret's UTF-8 octets, as stored.

import { WireError, WireReader, WireWriter, fromUtf8, utf8, writeWith } from './bytes.ts';

export interface ValueReference {
  handle: string;
  index: number;
}

/** A value record as it travels: data stays octets (its meaning depends on the type). */
export interface WireValue {
  index: number;
  /** Seconds since the epoch of the last change. */
  timestamp: number;
  /** 0 relative (seconds to cache), 1 absolute (expiry in seconds since the epoch). */
  ttlType: number;
  ttl: number;
  /** The permission octet: admin read 8 · admin write 4 · public read 2 · public write 1. */
  permissions: number;
  type: string;
  data: Uint8Array;
  references: ValueReference[];
}

export const PERMISSION = { adminRead: 0x8, adminWrite: 0x4, publicRead: 0x2, publicWrite: 0x1 } as const;

/** The Handle.Net JSON permissions string (`1110` = admin read, admin write, public read) to the octet and back. */
export function permissionOctet(bits: string): number {
  return (
    (bits[0] === '1' ? PERMISSION.adminRead : 0) |
    (bits[1] === '1' ? PERMISSION.adminWrite : 0) |
    (bits[2] === '1' ? PERMISSION.publicRead : 0) |
    (bits[3] === '1' ? PERMISSION.publicWrite : 0)
  );
}

export function permissionBits(octet: number): string {
  return [PERMISSION.adminRead, PERMISSION.adminWrite, PERMISSION.publicRead, PERMISSION.publicWrite]
    .map((p) => ((octet & p) !== 0 ? '1' : '0'))
    .join('');
}

export function readValue(r: WireReader): WireValue {
  const index = r.u32('value index');
  const timestamp = r.u32('value timestamp');
  const ttlType = r.u8('value TTL type');
  const ttl = r.u32('value TTL');
  const permissions = r.u8('value permissions');
  const type = r.string('value type');
  const data = r.bytesField('value data');
  const references = r.list(() => ({ handle: r.string('reference handle'), index: r.u32('reference index') }), 8, 'references');
  return { index, timestamp, ttlType, ttl, permissions, type, data, references };
}

export function writeValue(w: WireWriter, v: WireValue): void {
  w.u32(v.index).u32(v.timestamp).u8(v.ttlType).u32(v.ttl).u8(v.permissions).string(v.type).bytesField(v.data);
  w.list(v.references, (ref) => w.string(ref.handle).u32(ref.index));
}

/** The smallest a value record can be: the fixed fields and three empty lengths. */
export const MIN_VALUE_SIZE = 4 + 4 + 1 + 4 + 1 + 4 + 4 + 4;

// ---- HS_ADMIN (RFC 3651 §3.2.1): permissions int2, admin handle, admin index ----

/** The 12 admin permission bits, in the order Handle.Net's JSON string lists them (shared/domain/identifiers.md §4). */
export const ADMIN_PERMISSION_ORDER = [
  0x0001, // add handle
  0x0002, // delete handle
  0x0004, // add derived prefix
  0x0008, // delete derived prefix
  0x0010, // modify value
  0x0020, // remove value
  0x0040, // add value
  0x0400, // read value
  0x0080, // modify admin
  0x0100, // remove admin
  0x0200, // add admin
  0x0800, // list handles
] as const;

export interface AdminRecord {
  /** The int2 permission mask. */
  permissions: number;
  handle: string;
  index: number;
}

export function decodeAdmin(data: Uint8Array): AdminRecord {
  const r = new WireReader(data);
  const record = { permissions: r.u16('admin permissions'), handle: r.string('admin handle'), index: r.u32('admin index') };
  if (r.remaining !== 0) throw new WireError('trailing octets after HS_ADMIN', 202);
  return record;
}

export const encodeAdmin = (a: AdminRecord): Uint8Array => writeWith((w) => w.u16(a.permissions).string(a.handle).u32(a.index));

/** `011111110011`-style string to the mask, and back. */
export function adminMask(bits: string): number {
  return ADMIN_PERMISSION_ORDER.reduce((mask, bit, i) => (bits[i] === '1' ? mask | bit : mask), 0);
}

export const adminBits = (mask: number): string => ADMIN_PERMISSION_ORDER.map((bit) => ((mask & bit) !== 0 ? '1' : '0')).join('');

// ---- HS_VLIST (RFC 3651 §3.2.4): a list of value references ----

export function decodeValueList(data: Uint8Array): ValueReference[] {
  const r = new WireReader(data);
  const refs = r.list(() => ({ handle: r.string('vlist handle'), index: r.u32('vlist index') }), 8, 'vlist');
  if (r.remaining !== 0) throw new WireError('trailing octets after HS_VLIST', 202);
  return refs;
}

export const encodeValueList = (refs: readonly ValueReference[]): Uint8Array =>
  writeWith((w) => w.list(refs, (ref) => w.string(ref.handle).u32(ref.index)));

// ---- HS_PUBKEY (RFC 3651 §3.2.5; Handle.Net's key encoding): key type, int2 flags, then the key's integers ----

export interface PublicKeyRecord {
  /** `RSA_PUB_KEY`, `DSA_PUB_KEY`, `DH_PUB_KEY`… */
  keyType: string;
  flags: number;
  /** Big-endian unsigned integers, each length-prefixed: RSA exponent, empty, modulus; DH y, p, g; DSA q, p, g, y. */
  fields: Uint8Array[];
}

export function decodePublicKey(data: Uint8Array): PublicKeyRecord {
  const r = new WireReader(data);
  const keyType = r.string('key type');
  const flags = r.u16('key flags');
  const fields: Uint8Array[] = [];
  while (r.remaining > 0) fields.push(r.bytesField('key field'));
  return { keyType, flags, fields };
}

export const encodePublicKey = (k: PublicKeyRecord): Uint8Array =>
  writeWith((w) => {
    w.string(k.keyType).u16(k.flags);
    for (const field of k.fields) w.bytesField(field);
  });

export const RSA_PUBLIC_KEY_TYPE = 'RSA_PUB_KEY';

/** An RSA public key from its exponent and modulus (as Handle.Net writes them: exponent, an empty field, modulus). */
export const rsaPublicKey = (exponent: Uint8Array, modulus: Uint8Array): PublicKeyRecord => ({
  keyType: RSA_PUBLIC_KEY_TYPE,
  flags: 0,
  fields: [exponent, new Uint8Array(0), modulus],
});

// ---- HS_SECKEY: the secret's octets ----

export const encodeSecretKey = (secret: string): Uint8Array => utf8(secret);
export const decodeSecretKey = (data: Uint8Array): string => fromUtf8(data);

// ---- HS_SITE (RFC 3651 §3.2.2) ----

export const INTERFACE_TYPE = { outOfService: 0, admin: 1, query: 2, adminAndQuery: 3 } as const;
export const INTERFACE_PROTOCOL = { udp: 0, tcp: 1, http: 2, https: 3 } as const;
/** Site flags: primary 0x80, multi-primary 0x40. Hash options: by prefix 0, by suffix 1, by whole handle 2. */
export const SITE_FLAG = { primary: 0x80, multiPrimary: 0x40 } as const;
export const HASH_BY_ALL = 2;

export interface SiteInterface {
  type: number;
  protocol: number;
  port: number;
}

export interface SiteServer {
  serverId: number;
  /** 16 octets: an IPv6 address, or an IPv4 address right-aligned in zeros. */
  address: Uint8Array;
  /** HS_PUBKEY-encoded. */
  publicKey: Uint8Array;
  interfaces: SiteInterface[];
}

export interface SiteInfo {
  dataFormatVersion: number;
  majorProtocolVersion: number;
  minorProtocolVersion: number;
  serialNumber: number;
  flags: number;
  hashOption: number;
  hashFilter: Uint8Array;
  attributes: { name: string; value: string }[];
  servers: SiteServer[];
}

export function readSite(r: WireReader): SiteInfo {
  const dataFormatVersion = r.u16('site version');
  const majorProtocolVersion = r.u8('site protocol');
  const minorProtocolVersion = r.u8('site protocol');
  const serialNumber = r.u16('site serial');
  const flags = r.u8('site flags');
  const hashOption = r.u8('site hash option');
  const hashFilter = r.bytesField('site hash filter');
  const attributes = r.list(() => ({ name: r.string('attribute name'), value: r.string('attribute value') }), 8, 'attributes');
  const servers = r.list(
    () => ({
      serverId: r.u32('server id'),
      address: r.raw(16, 'server address'),
      publicKey: r.bytesField('server key'),
      interfaces: r.list(() => ({ type: r.u8(), protocol: r.u8(), port: r.u32('interface port') }), 6, 'interfaces'),
    }),
    28,
    'servers',
  );
  return {
    dataFormatVersion,
    majorProtocolVersion,
    minorProtocolVersion,
    serialNumber,
    flags,
    hashOption,
    hashFilter,
    attributes,
    servers,
  };
}

export function decodeSite(data: Uint8Array): SiteInfo {
  const r = new WireReader(data);
  const site = readSite(r);
  if (r.remaining !== 0) throw new WireError('trailing octets after HS_SITE', 202);
  return site;
}

export function writeSite(w: WireWriter, s: SiteInfo): void {
  w.u16(s.dataFormatVersion).u8(s.majorProtocolVersion).u8(s.minorProtocolVersion).u16(s.serialNumber).u8(s.flags).u8(s.hashOption);
  w.bytesField(s.hashFilter);
  w.list(s.attributes, (a) => w.string(a.name).string(a.value));
  w.list(s.servers, (server) => {
    w.u32(server.serverId).raw(server.address).bytesField(server.publicKey);
    w.list(server.interfaces, (i) => w.u8(i.type).u8(i.protocol).u32(i.port));
  });
}

export const encodeSite = (s: SiteInfo): Uint8Array => writeWith((w) => writeSite(w, s));

/** `a.b.c.d` or an IPv6 literal to the 16-octet form; null when it is neither. */
export function addressOctets(address: string): Uint8Array | null {
  const out = new Uint8Array(16);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return null;
    out.set(parts, 12);
    return out;
  }
  if (!/^[0-9a-f:]+$/i.test(address) || (address.match(/::/g) ?? []).length > 1) return null;
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const all = [...left, ...Array<string>(Math.max(fill, 0)).fill('0'), ...right];
  if (all.length !== 8 || all.some((g) => g.length === 0 || g.length > 4)) return null;
  all.forEach((g, i) => {
    const n = parseInt(g, 16);
    out[2 * i] = n >>> 8;
    out[2 * i + 1] = n & 0xff;
  });
  return out;
}

/** The 16-octet form back to text: IPv4 when the first twelve octets are zero (or ::ffff:-mapped). */
export function addressText(octets: Uint8Array): string {
  const zeros = octets.subarray(0, 10).every((b) => b === 0);
  if (zeros && ((octets[10] === 0 && octets[11] === 0) || (octets[10] === 0xff && octets[11] === 0xff)))
    return Array.from(octets.subarray(12)).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((octets[i]! << 8) | octets[i + 1]!).toString(16));
  return groups.join(':');
}

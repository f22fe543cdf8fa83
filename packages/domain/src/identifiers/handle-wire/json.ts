// Between Handle.Net's JSON value shape (shared/domain/identifiers.md §5, as the node stores values) and the wire's
// value records: the `format` of the JSON data says how its octets are made (string UTF-8, hex, base64, admin →
// HS_ADMIN, vlist → HS_VLIST, site → HS_SITE from siteinfo.json's shape, key → HS_PUBKEY from a JWK).

import type { HandleValue } from '../handle.ts';
import { WireError, fromHex, utf8 } from './bytes.ts';
import {
  HASH_BY_ALL,
  INTERFACE_PROTOCOL,
  INTERFACE_TYPE,
  SITE_FLAG,
  addressOctets,
  adminMask,
  encodeAdmin,
  encodePublicKey,
  encodeSite,
  encodeValueList,
  permissionOctet,
  rsaPublicKey,
  type PublicKeyRecord,
  type SiteInfo,
  type WireValue,
} from './values.ts';

// base64 through the runtime's WHATWG functions (the domain package has no Node or DOM types)
const runtime = globalThis as unknown as { atob(text: string): string; btoa(binary: string): string };

export function fromBase64(text: string): Uint8Array {
  try {
    const binary = runtime.atob(text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, ''));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    throw new WireError('invalid base64', 202);
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return runtime.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A big-endian integer as Java's BigInteger writes it: a leading zero octet when the top bit is set. */
const signedMagnitude = (bytes: Uint8Array): Uint8Array => ((bytes[0] ?? 0) & 0x80 ? Uint8Array.of(0, ...bytes) : bytes);

export interface RsaJwk {
  kty: 'RSA';
  n: string;
  e: string;
}

export function publicKeyFromJwk(jwk: unknown): PublicKeyRecord {
  const key = jwk as Partial<RsaJwk> | null;
  if (!key || key.kty !== 'RSA' || typeof key.n !== 'string' || typeof key.e !== 'string') throw new WireError('unsupported key', 202);
  return rsaPublicKey(signedMagnitude(fromBase64(key.e)), signedMagnitude(fromBase64(key.n)));
}

/** Handle.Net's siteinfo.json shape. */
export interface SiteJson {
  version: number;
  protocolVersion: string;
  serialNumber: number;
  primarySite: boolean;
  multiPrimary: boolean;
  hashOption?: number;
  attributes?: { name: string; value: string }[];
  servers: {
    serverId: number;
    address: string;
    publicKey: { format: 'key'; value: RsaJwk };
    interfaces: { query: boolean; admin: boolean; protocol: 'UDP' | 'TCP' | 'HTTP' | 'HTTPS'; port: number }[];
  }[];
}

export function siteFromJson(json: SiteJson): SiteInfo {
  const [major, minor] = json.protocolVersion.split('.').map(Number);
  return {
    dataFormatVersion: json.version,
    majorProtocolVersion: major ?? 2,
    minorProtocolVersion: minor ?? 0,
    serialNumber: json.serialNumber,
    flags: (json.primarySite ? SITE_FLAG.primary : 0) | (json.multiPrimary ? SITE_FLAG.multiPrimary : 0),
    hashOption: json.hashOption ?? HASH_BY_ALL,
    hashFilter: new Uint8Array(0),
    attributes: json.attributes ?? [],
    servers: json.servers.map((s) => {
      const address = addressOctets(s.address);
      if (!address) throw new WireError(`invalid server address ${s.address}`, 202);
      return {
        serverId: s.serverId,
        address,
        publicKey: encodePublicKey(publicKeyFromJwk(s.publicKey.value)),
        interfaces: s.interfaces.map((i) => ({
          type: i.admin
            ? i.query
              ? INTERFACE_TYPE.adminAndQuery
              : INTERFACE_TYPE.admin
            : i.query
              ? INTERFACE_TYPE.query
              : INTERFACE_TYPE.outOfService,
          protocol: INTERFACE_PROTOCOL[i.protocol.toLowerCase() as keyof typeof INTERFACE_PROTOCOL],
          port: i.port,
        })),
      };
    }),
  };
}

/** The octets of a stored value's data, by its JSON format. */
export function dataOctets(data: HandleValue['data']): Uint8Array {
  const value = data.value as never;
  switch (data.format) {
    case 'string':
      return utf8(String(value));
    case 'hex':
      return fromHex(String(value));
    case 'base64':
      return fromBase64(String(value));
    case 'admin': {
      const admin = value as { handle: string; index: number; permissions: string };
      return encodeAdmin({ permissions: adminMask(admin.permissions), handle: admin.handle, index: admin.index });
    }
    case 'vlist':
      return encodeValueList(value as { handle: string; index: number }[]);
    case 'site':
      return encodeSite(siteFromJson(value as SiteJson));
    case 'key':
      return encodePublicKey(publicKeyFromJwk(value));
    default:
      throw new WireError(`unknown data format ${data.format}`, 202);
  }
}

const epochSeconds = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
};

/** A stored value as a wire value record (an ISO-string TTL is an absolute expiry). */
export function wireValue(v: HandleValue): WireValue {
  const ttl = v.ttl as number | string;
  return {
    index: v.index,
    timestamp: epochSeconds(v.timestamp),
    ttlType: typeof ttl === 'string' ? 1 : 0,
    ttl: typeof ttl === 'string' ? epochSeconds(ttl) : ttl,
    permissions: permissionOctet(v.permissions),
    type: v.type,
    data: dataOctets(v.data),
    references: v.references.map((r) => ({ handle: r.handle, index: r.index })),
  };
}

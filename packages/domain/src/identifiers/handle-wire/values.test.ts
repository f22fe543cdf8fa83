import { describe, expect, it } from 'vitest';
import { WireError } from './bytes.ts';
import {
  addressOctets,
  addressText,
  adminBits,
  adminMask,
  decodeSite,
  decodeValueList,
  encodeSite,
  encodeValueList,
  HASH_BY_ALL,
  INTERFACE_PROTOCOL,
  INTERFACE_TYPE,
  permissionBits,
  permissionOctet,
  SITE_FLAG,
  type SiteInfo,
} from './values.ts';

describe('Handle value encodings', () => {
  it('round-trips an HS_SITE with its servers and interfaces', () => {
    const site: SiteInfo = {
      dataFormatVersion: 1,
      majorProtocolVersion: 2,
      minorProtocolVersion: 11,
      serialNumber: 3,
      flags: SITE_FLAG.primary,
      hashOption: HASH_BY_ALL,
      hashFilter: new Uint8Array(0),
      attributes: [{ name: 'desc', value: '智造 标识解析二级节点' }],
      servers: [
        {
          serverId: 1,
          address: addressOctets('127.0.0.1')!,
          publicKey: Uint8Array.of(1, 2, 3),
          interfaces: [
            { type: INTERFACE_TYPE.adminAndQuery, protocol: INTERFACE_PROTOCOL.tcp, port: 2641 },
            { type: INTERFACE_TYPE.query, protocol: INTERFACE_PROTOCOL.udp, port: 2641 },
          ],
        },
      ],
    };
    expect(decodeSite(encodeSite(site))).toEqual(site);
    expect(() => decodeSite(Uint8Array.of(...encodeSite(site), 0))).toThrow(WireError);
  });

  it('round-trips HS_VLIST and refuses a short one', () => {
    const refs = [{ handle: '88.999.1/ADMIN', index: 300 }];
    expect(decodeValueList(encodeValueList(refs))).toEqual(refs);
    expect(() => decodeValueList(encodeValueList(refs).subarray(0, 9))).toThrow(WireError);
  });

  it('maps permission strings to octets and HS_ADMIN masks both ways', () => {
    expect(permissionOctet('1110')).toBe(0xe);
    expect(permissionBits(0xc)).toBe('1100');
    expect(adminBits(adminMask('011111110011'))).toBe('011111110011');
  });

  it('writes addresses in the 16-octet form', () => {
    expect(addressText(addressOctets('192.0.2.7')!)).toBe('192.0.2.7');
    // IPv4 addresses sit right-aligned in zeros (RFC 3651 §3.2.2), so ::1 and 0.0.0.1 share one form
    expect(addressOctets('::1')).toEqual(Uint8Array.of(...Array<number>(15).fill(0), 1));
    expect(addressText(addressOctets('fe80::1')!)).toBe('fe80:0:0:0:0:0:0:1');
    expect(addressText(addressOctets('2001:db8::5')!)).toBe('2001:db8:0:0:0:0:0:5');
    expect(addressOctets('300.1.1.1')).toBeNull();
    expect(addressOctets('localhost')).toBeNull();
  });
});

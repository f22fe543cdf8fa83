import type { SiteJson, RsaJwk } from '@zhizao/domain/identifiers/handle-wire/index';
import { PROTOCOL_VERSION } from '@zhizao/domain/identifiers/handle-wire/index';
import type { NodeKey } from './node-key.ts';

// The node's site information in Handle.Net's siteinfo.json shape (as shared/standards/handle/server-siteinfo.json
// shows it): one primary site with one server, its public key and its interfaces — UDP and TCP on HANDLE_PORT when
// they are on, and Handle-over-HTTP on the platform's own port.

export interface SitePorts {
  /** null when the UDP/TCP listeners are off. */
  handle: number | null;
  http: number;
}

export function siteJson(key: NodeKey, address: string, ports: SitePorts): SiteJson {
  const jwk = key.publicKey.export({ format: 'jwk' }) as unknown as RsaJwk;
  const interfaces: SiteJson['servers'][number]['interfaces'] = [];
  if (ports.handle !== null)
    interfaces.push(
      { query: true, admin: true, protocol: 'TCP', port: ports.handle },
      { query: true, admin: false, protocol: 'UDP', port: ports.handle },
    );
  interfaces.push({ query: true, admin: true, protocol: 'HTTP', port: ports.http });
  return {
    version: 1,
    protocolVersion: `${PROTOCOL_VERSION.major}.${PROTOCOL_VERSION.minor}`,
    serialNumber: 1,
    primarySite: true,
    multiPrimary: false,
    attributes: [{ name: 'desc', value: 'Zhizao identifier resolution node' }],
    servers: [{ serverId: 1, address, publicKey: { format: 'key', value: { kty: 'RSA', n: jwk.n, e: jwk.e } }, interfaces }],
  };
}

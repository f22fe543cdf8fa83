import type dgram from 'node:dgram';
import type net from 'node:net';
import type { SiteJson } from '@zhizao/domain/identifiers/handle-wire/index';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { identifierNode } from '../node.ts';
import { registerHandleHttp } from './http.ts';
import { loadOrCreateNodeKey, type NodeKey } from './node-key.ts';
import { HandleProtocolService } from './service.ts';
import { siteJson } from './site.ts';
import { registerSiteInfoRoutes } from './siteinfo.routes.ts';
import { listenTcp } from './tcp.ts';
import { listenUdp } from './udp.ts';

// The identifier node speaks the Handle protocol itself (RFC 3652): UDP and TCP on HANDLE_PORT, Handle-over-HTTP
// on the platform's port, and its site information for clients to find and trust it.

export interface HandleProtocol {
  /** The bound UDP/TCP port (one number for both), null while off. */
  readonly port: number | null;
  readonly key: NodeKey;
  site(): SiteJson;
}

const protocols = new WeakMap<AppContext, HandleProtocol>();

/** The running protocol of an app (tests read the ephemeral port from it). */
export function handleProtocol(ctx: AppContext): HandleProtocol {
  const protocol = protocols.get(ctx);
  if (!protocol) throw new Error('the Handle protocol is not registered');
  return protocol;
}

export function registerHandleProtocol(app: FastifyInstance, ctx: AppContext): void {
  // read (or made) when first needed — at start when the listeners are on — so servers that never speak the
  // protocol (most test servers) spend no time on RSA key generation
  let nodeKey: NodeKey | null = null;
  const key = () => (nodeKey ??= loadOrCreateNodeKey(ctx.config.dataDir));
  let udp: dgram.Socket | null = null;
  let tcp: net.Server | null = null;
  const httpPort = () => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : ctx.config.port;
  };
  const protocol: HandleProtocol = {
    get port() {
      const address = tcp?.address();
      return typeof address === 'object' && address ? address.port : null;
    },
    get key() {
      return key();
    },
    site: () => siteJson(key(), ctx.config.handlePublicAddress, { handle: protocol.port, http: httpPort() }),
  };
  protocols.set(ctx, protocol);
  const service = new HandleProtocolService({ node: identifierNode(ctx), key, site: protocol.site });
  registerHandleHttp(app, service);
  registerSiteInfoRoutes(app, protocol);

  app.addHook('onReady', async () => {
    const configured = ctx.config.handlePort;
    if (configured === 0) return;
    key();
    // TCP first: with an ephemeral port, UDP then takes the same number
    tcp = await listenTcp(service, ctx.config.host, configured === 'ephemeral' ? 0 : configured);
    udp = await listenUdp(service, ctx.config.host, protocol.port!);
  });
  app.addHook('preClose', async () => {
    udp?.close();
    await new Promise<void>((resolve) => (tcp ? tcp.close(() => resolve()) : resolve()));
    udp = null;
    tcp = null;
  });
}

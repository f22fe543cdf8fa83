import type { FastifyInstance } from 'fastify';
import { tags } from '../schemas.ts';
import type { HandleProtocol } from './index.ts';

// The node's site information in Handle.Net's siteinfo.json form: what an operator hands to Handle clients as their
// resolver site (hdl-qresolver's `resolver_site`, the SDKs' site file). Public, as Handle.Net's own is.

const INTERFACE = {
  type: 'object',
  required: ['query', 'admin', 'protocol', 'port'],
  properties: {
    query: { type: 'boolean' },
    admin: { type: 'boolean' },
    protocol: { type: 'string', enum: ['UDP', 'TCP', 'HTTP', 'HTTPS'] },
    port: { type: 'integer' },
  },
} as const;

const SITE_INFO = {
  type: 'object',
  required: ['version', 'protocolVersion', 'serialNumber', 'primarySite', 'multiPrimary', 'servers'],
  properties: {
    version: { type: 'integer' },
    protocolVersion: { type: 'string' },
    serialNumber: { type: 'integer' },
    primarySite: { type: 'boolean' },
    multiPrimary: { type: 'boolean' },
    attributes: {
      type: 'array',
      items: { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' } } },
    },
    servers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['serverId', 'address', 'publicKey', 'interfaces'],
        properties: {
          serverId: { type: 'integer' },
          address: { type: 'string' },
          publicKey: {
            type: 'object',
            required: ['format', 'value'],
            properties: {
              format: { type: 'string', enum: ['key'] },
              value: {
                type: 'object',
                required: ['kty', 'n', 'e'],
                properties: { kty: { type: 'string', enum: ['RSA'] }, n: { type: 'string' }, e: { type: 'string' } },
              },
            },
          },
          interfaces: { type: 'array', items: INTERFACE },
        },
      },
    },
  },
} as const;

export function registerSiteInfoRoutes(app: FastifyInstance, protocol: HandleProtocol): void {
  app.get(
    '/api/handle-protocol/siteinfo.json',
    {
      schema: {
        tags,
        summary: 'The node’s Handle site information (siteinfo.json), for Handle clients',
        response: { 200: SITE_INFO },
      },
    },
    async () => protocol.site(),
  );
}

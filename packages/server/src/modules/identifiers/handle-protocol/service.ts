import { createHash, randomBytes, sign } from 'node:crypto';
import { filterValues, handleKey, splitHandle } from '@zhizao/domain';
import {
  answerTo,
  decodeEnvelope,
  decodeMessage,
  DIGEST,
  encodeMessage,
  encodeSite,
  ENVELOPE_SIZE,
  HEADER_SIZE,
  hasFlag,
  OP,
  OPFLAG,
  PERMISSION,
  siteFromJson,
  signedOctets,
  WIRE_RC,
  wireValue,
  WireError,
  type Body,
  type HandleMessage,
  type SiteJson,
  type WireValue,
} from '@zhizao/domain/identifiers/handle-wire/index';
import type { IdentifierNode, ResolvedIdentifier } from '../node.ts';
import type { NodeKey } from './node-key.ts';

// One request message in, one answer out, whichever transport carried it: resolution (opcode 1) from the same
// identifier node the REST API reads (its cache, its prefixes, its statistics), site information (opcode 2), and the
// protocol's own answers for everything else. Never throws and logs nothing: a resolution costs no more than it must.

/** Handle.Net's wording for a prefix it does not home, which CNRI's clients show as is. */
const NOT_HOMED = "That prefix doesn't live here";
const SITE_SERIAL = 1;

/** The prefix handles of homed prefixes (`0.NA/88.999.1`) answer with the node's site. */
const PREFIX_HANDLE = /^0\.NA\/(.+)$/i;

export interface HandleProtocolDeps {
  node: IdentifierNode;
  key: () => NodeKey;
  site: () => SiteJson;
}

export class HandleProtocolService {
  /** Wire values per resolved identifier, encoded once (a resolved identifier is replaced on every write). */
  private readonly wireValues = new WeakMap<ResolvedIdentifier, WireValue[]>();
  private siteBytes: { json: string; bytes: Uint8Array } | null = null;

  constructor(private readonly deps: HandleProtocolDeps) {}

  /** The answer to one complete message (envelope included), or null when there is no one to answer. */
  async answer(bytes: Uint8Array): Promise<Uint8Array | null> {
    let request: HandleMessage;
    try {
      request = decodeMessage(bytes);
    } catch (error) {
      return this.refusal(bytes, error instanceof WireError ? error : new WireError('unreadable message'));
    }
    if (request.header.responseCode !== WIRE_RC.reserved) return null; // an answer sent to us: nothing to say
    try {
      const [code, body] = await this.dispatch(request);
      return this.encode(request, bytes, code, body);
    } catch {
      return this.encode(request, bytes, WIRE_RC.error, { kind: 'error', message: 'internal error' });
    }
  }

  private async dispatch(request: HandleMessage): Promise<[number, Body]> {
    const body = request.body;
    switch (request.header.opCode) {
      case OP.resolution:
        if (body.kind !== 'resolution') break;
        return this.resolve(request, body.handle, body.indexes, body.types);
      case OP.getSiteInfo:
        return [WIRE_RC.success, { kind: 'siteInfo', site: siteFromJson(this.deps.site()) }];
      case OP.sessionTerminate:
        return [WIRE_RC.success, { kind: 'empty' }];
    }
    // administration over the native protocol is not served yet: the REST and SNMS APIs are the doors for changes
    return [WIRE_RC.operationNotSupported, { kind: 'error', message: 'operation not supported by this server' }];
  }

  private async resolve(request: HandleMessage, handle: string, indexes: number[], types: string[]): Promise<[number, Body]> {
    const key = handleKey(handle);
    const prefixHandle = PREFIX_HANDLE.exec(key);
    if (prefixHandle) return this.resolvePrefix(handle, prefixHandle[1]!, indexes, types);
    const parts = splitHandle(key);
    if (!parts) return [WIRE_RC.invalidHandle, { kind: 'error', message: 'invalid handle' }];
    const node = this.deps.node;
    if (!node.homed(parts.prefix)) return [WIRE_RC.serverNotResponsible, { kind: 'error', message: NOT_HOMED }];
    const found = node.resolveNow(key) ?? (await node.resolve(key));
    if (!found) return [WIRE_RC.handleNotFound, { kind: 'error', message: '' }];
    node.stats.resolved(found.enterpriseId);
    const all = this.wireValuesOf(found);
    const wanted = indexes.length === 0 && types.length === 0 ? all : pick(all, filterValues(found.values, indexes, types));
    const publicOnly = hasFlag(request.header.opFlags, OPFLAG.publicOnly);
    const readable = publicOnly ? wanted.filter((v) => (v.permissions & PERMISSION.publicRead) !== 0) : wanted;
    // restricted values are read by an authenticated administrator: ask for proof (RFC 3652 §3.5)
    if (!publicOnly && readable.some((v) => (v.permissions & PERMISSION.publicRead) === 0))
      return [WIRE_RC.authenticationNeeded, { kind: 'challenge', nonce: randomBytes(16) }];
    if (readable.length === 0 && (indexes.length > 0 || types.length > 0)) return [WIRE_RC.valuesNotFound, { kind: 'error', message: '' }];
    return [WIRE_RC.success, { kind: 'resolutionResponse', handle, values: readable }];
  }

  private resolvePrefix(handle: string, prefix: string, indexes: number[], types: string[]): [number, Body] {
    const node = this.deps.node;
    if (!node.homed(prefix) && handleKey(node.config.nodePrefix) !== prefix)
      return [WIRE_RC.serverNotResponsible, { kind: 'error', message: NOT_HOMED }];
    const site: WireValue = {
      index: 1,
      timestamp: 0,
      ttlType: 0,
      ttl: 86_400,
      permissions: PERMISSION.adminRead | PERMISSION.adminWrite | PERMISSION.publicRead,
      type: 'HS_SITE',
      data: this.siteRecord(),
      references: [],
    };
    const wanted =
      indexes.length === 0 && types.length === 0 ? true : indexes.includes(1) || types.some((t) => t.toUpperCase() === 'HS_SITE');
    return wanted
      ? [WIRE_RC.success, { kind: 'resolutionResponse', handle, values: [site] }]
      : [WIRE_RC.valuesNotFound, { kind: 'error', message: '' }];
  }

  private siteRecord(): Uint8Array {
    const site = this.deps.site();
    const json = JSON.stringify(site);
    if (this.siteBytes?.json !== json) this.siteBytes = { json, bytes: encodeSite(siteFromJson(site)) };
    return this.siteBytes.bytes;
  }

  private wireValuesOf(found: ResolvedIdentifier): WireValue[] {
    let values = this.wireValues.get(found);
    if (!values) this.wireValues.set(found, (values = found.values.map(wireValue)));
    return values;
  }

  /** The protocol's error for a message it could not read, when its envelope says whom to answer. */
  private refusal(bytes: Uint8Array, error: WireError): Uint8Array | null {
    if (bytes.length < ENVELOPE_SIZE + HEADER_SIZE) return null;
    let envelope;
    try {
      envelope = decodeEnvelope(bytes);
    } catch {
      envelope = null;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const stand: HandleMessage = {
      envelope: envelope ?? {
        majorVersion: bytes[0]!,
        minorVersion: bytes[1]!,
        flags: 0,
        suggestedMajorVersion: 0,
        suggestedMinorVersion: 0,
        sessionId: view.getUint32(4),
        requestId: view.getUint32(8),
        sequenceNumber: 0,
        messageLength: 0,
      },
      header: {
        opCode: view.getUint32(20),
        responseCode: 0,
        opFlags: 0,
        siteInfoSerial: 0,
        recursionCount: 0,
        expiration: 0,
        bodyLength: 0,
      },
      body: { kind: 'empty' },
      bodyRest: new Uint8Array(0),
      credential: null,
    };
    return this.encode(stand, null, error.responseCode, { kind: 'error', message: error.message });
  }

  private encode(request: HandleMessage, requestBytes: Uint8Array | null, code: number, body: Body): Uint8Array {
    const digest =
      requestBytes && hasFlag(request.header.opFlags, OPFLAG.requestDigest)
        ? {
            algorithm: DIGEST.sha256,
            digest: createHash('sha256')
              .update(requestBytes.subarray(ENVELOPE_SIZE, ENVELOPE_SIZE + HEADER_SIZE + request.header.bodyLength))
              .digest(),
          }
        : undefined;
    const answer = answerTo(request, code, body, {
      now: Math.floor(Date.now() / 1000),
      siteInfoSerial: SITE_SERIAL,
      ...(digest ? { digest } : {}),
    });
    if (hasFlag(request.header.opFlags, OPFLAG.certified)) {
      answer.credential = {
        version: 0,
        reserved: 0,
        options: 0,
        signer: { handle: '', index: 0 },
        type: 'HS_SIGNED',
        digestAlgorithm: 'SHA-256',
        signedData: new Uint8Array(0),
        rest: new Uint8Array(0),
      };
      answer.credential.signedData = sign('sha256', signedOctets(answer), this.deps.key().privateKey);
    }
    return encodeMessage(answer);
  }
}

/** The wire values at the positions of the filtered JSON values (both lists keep the stored order). */
function pick(all: WireValue[], filtered: readonly { index: number }[]): WireValue[] {
  const indexes = new Set(filtered.map((v) => v.index));
  return all.filter((v) => indexes.has(v.index));
}

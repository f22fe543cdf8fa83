// A whole Handle protocol message (RFC 3652 §2.2): the 20-octet envelope, the 24-octet header, the body (its shape
// set by the opcode and response code) and the credential section. Decoding never trusts a length: every count is
// checked against what is left, so truncated, oversized and garbage input ends in a WireError with the response
// code to answer it. Anything after the fields a body defines is kept, so a message re-encodes byte for byte
// (Handle.Net pads session-setup bodies with two octets, for one).

import { WireError, WireReader, WireWriter, writeWith } from './bytes.ts';
import {
  DIGEST_LENGTH,
  ENVELOPE_FLAG,
  ENVELOPE_SIZE,
  HEADER_SIZE,
  KEY_EXCHANGE,
  MAX_MESSAGE_LENGTH,
  OP,
  OPFLAG,
  WIRE_RC,
  hasFlag,
} from './codes.ts';
import { MIN_VALUE_SIZE, readSite, readValue, writeSite, writeValue, type SiteInfo, type WireValue } from './values.ts';

export interface Envelope {
  majorVersion: number;
  minorVersion: number;
  /** ENVELOPE_FLAG bits (compressed, encrypted, truncated). */
  flags: number;
  suggestedMajorVersion: number;
  suggestedMinorVersion: number;
  sessionId: number;
  requestId: number;
  /** The message's sequence number (the datagram's place in a multi-datagram UDP message). */
  sequenceNumber: number;
  /** Header, body and credential octets; recomputed on encoding. */
  messageLength: number;
}

export interface Header {
  opCode: number;
  responseCode: number;
  opFlags: number;
  siteInfoSerial: number;
  recursionCount: number;
  expiration: number;
  /** Recomputed on encoding. */
  bodyLength: number;
}

export interface RequestDigest {
  /** DIGEST.md5 / sha1 / sha256. */
  algorithm: number;
  digest: Uint8Array;
}

export type Body =
  | { kind: 'resolution'; handle: string; indexes: number[]; types: string[] }
  /** Requests that name only a handle: site info, delete, list handles, home/unhome/list prefixes, session terminate. */
  | { kind: 'handle'; handle: string }
  /** Create, add and modify. */
  | { kind: 'values'; handle: string; values: WireValue[] }
  | { kind: 'removeValues'; handle: string; indexes: number[] }
  | { kind: 'challengeAnswer'; authType: string; identityHandle: string; identityIndex: number; answer: Uint8Array }
  | { kind: 'verifyChallenge'; handle: string; index: number; nonce: Uint8Array; digest: RequestDigest; signature: Uint8Array }
  | {
      kind: 'sessionSetup';
      mode: number;
      timeout: number;
      identityHandle: string;
      identityIndex: number;
      publicKey?: Uint8Array;
      exchangeKey?: { handle: string; index: number };
    }
  | { kind: 'resolutionResponse'; handle: string; values: WireValue[] }
  | { kind: 'siteInfo'; site: SiteInfo }
  | { kind: 'sessionSetupResponse'; mode: number; data: Uint8Array }
  | { kind: 'createResponse'; handle: string | null }
  | { kind: 'handleList'; handles: string[] }
  | { kind: 'verifyResponse'; valid: boolean }
  | { kind: 'challenge'; nonce: Uint8Array }
  | { kind: 'referral'; handle: string; values: WireValue[] | null }
  | { kind: 'error'; message: string | null }
  | { kind: 'empty' };

export interface Credential {
  version: number;
  reserved: number;
  options: number;
  signer: { handle: string; index: number };
  /** `HS_SIGNED` (a signature by the signer's key) or `HS_MAC` (a session MAC). */
  type: string;
  digestAlgorithm: string;
  signedData: Uint8Array;
  /** Octets after the signed data inside the signed-info length. */
  rest: Uint8Array;
}

export interface HandleMessage {
  envelope: Envelope;
  header: Header;
  /** Present on a response whose request asked for it (OPFLAG.requestDigest). */
  requestDigest?: RequestDigest;
  body: Body;
  /** Octets after the body's fields. */
  bodyRest: Uint8Array;
  /** undefined: no credential section at all; null: an empty one (length 0). */
  credential: Credential | null | undefined;
}

const EMPTY = new Uint8Array(0);

export const isRequest = (header: Pick<Header, 'responseCode'>): boolean => header.responseCode === WIRE_RC.reserved;

// ---- envelope ----

export function decodeEnvelope(bytes: Uint8Array): Envelope {
  if (bytes.length < ENVELOPE_SIZE) throw new WireError('truncated envelope');
  const r = new WireReader(bytes, 0, ENVELOPE_SIZE);
  const majorVersion = r.u8();
  const minorVersion = r.u8();
  const third = r.u8();
  const envelope: Envelope = {
    majorVersion,
    minorVersion,
    flags: third & 0xe0,
    suggestedMajorVersion: third & 0x1f,
    suggestedMinorVersion: r.u8(),
    sessionId: r.u32(),
    requestId: r.u32(),
    sequenceNumber: r.u32(),
    messageLength: r.u32(),
  };
  if (envelope.messageLength > MAX_MESSAGE_LENGTH) throw new WireError(`message length ${envelope.messageLength} too large`);
  if (envelope.messageLength < HEADER_SIZE) throw new WireError(`message length ${envelope.messageLength} too small`);
  return envelope;
}

export function encodeEnvelope(e: Envelope): Uint8Array {
  return writeWith((w) =>
    w
      .u8(e.majorVersion)
      .u8(e.minorVersion)
      .u8((e.flags & 0xe0) | (e.suggestedMajorVersion & 0x1f))
      .u8(e.suggestedMinorVersion)
      .u32(e.sessionId)
      .u32(e.requestId)
      .u32(e.sequenceNumber)
      .u32(e.messageLength),
  );
}

// ---- bodies ----

const readHandleList = (r: WireReader) => r.list(() => r.string('handle'), 4, 'handles');

function readDigest(r: WireReader): RequestDigest {
  const algorithm = r.u8('digest algorithm');
  const length = DIGEST_LENGTH[algorithm];
  if (length === undefined) throw new WireError(`unknown digest algorithm ${algorithm}`);
  return { algorithm, digest: r.raw(length, 'request digest') };
}

function writeDigest(w: WireWriter, d: RequestDigest): void {
  w.u8(d.algorithm).raw(d.digest);
}

function readRequestBody(opCode: number, r: WireReader): Body {
  switch (opCode) {
    case OP.resolution:
      return {
        kind: 'resolution',
        handle: r.string('handle'),
        indexes: r.list(() => r.u32('index'), 4, 'indexes'),
        types: r.list(() => r.string('type'), 4, 'types'),
      };
    case OP.getSiteInfo:
    case OP.deleteHandle:
    case OP.listHandles:
    case OP.homePrefix:
    case OP.unhomePrefix:
    case OP.listHomedPrefixes:
    case OP.sessionTerminate:
      return { kind: 'handle', handle: r.string('handle') };
    case OP.createHandle:
    case OP.addValue:
    case OP.modifyValue:
      return { kind: 'values', handle: r.string('handle'), values: r.list(() => readValue(r), MIN_VALUE_SIZE, 'values') };
    case OP.removeValue:
      return { kind: 'removeValues', handle: r.string('handle'), indexes: r.list(() => r.u32('index'), 4, 'indexes') };
    case OP.challengeAnswer:
      return {
        kind: 'challengeAnswer',
        authType: r.string('authentication type'),
        identityHandle: r.string('identity handle'),
        identityIndex: r.u32('identity index'),
        answer: r.bytesField('challenge answer'),
      };
    case OP.verifyChallenge: {
      const handle = r.string('handle');
      const index = r.u32('index');
      const nonce = r.bytesField('nonce');
      // the digest is either an algorithm octet and the digest, or (algorithm 0) a length-prefixed array
      const peek = r.bytes[r.position];
      const digest = peek === 0 ? { algorithm: 0, digest: r.bytesField('digest') } : readDigest(r);
      return { kind: 'verifyChallenge', handle, index, nonce, digest, signature: r.bytesField('signature') };
    }
    case OP.sessionSetup: {
      const mode = r.u16('key exchange mode');
      const body: Body & { kind: 'sessionSetup' } = {
        kind: 'sessionSetup',
        mode,
        timeout: r.u32('timeout'),
        identityHandle: r.string('identity handle'),
        identityIndex: r.u32('identity index'),
      };
      if (mode === KEY_EXCHANGE.cipherClient || mode === KEY_EXCHANGE.diffieHellman) body.publicKey = r.bytesField('exchange key');
      else if (mode === KEY_EXCHANGE.cipherHandle) body.exchangeKey = { handle: r.string('exchange key handle'), index: r.u32() };
      return body;
    }
    default:
      throw new WireError(`unknown opcode ${opCode}`, WIRE_RC.operationNotSupported);
  }
}

function readResponseBody(opCode: number, responseCode: number, r: WireReader): Body {
  switch (responseCode) {
    case WIRE_RC.success:
      switch (opCode) {
        case OP.resolution:
          return { kind: 'resolutionResponse', handle: r.string('handle'), values: r.list(() => readValue(r), MIN_VALUE_SIZE, 'values') };
        case OP.getSiteInfo:
          return { kind: 'siteInfo', site: readSite(r) };
        case OP.sessionSetup:
          return { kind: 'sessionSetupResponse', mode: r.u16('key exchange mode'), data: r.bytesField('session data') };
        case OP.createHandle:
          return { kind: 'createResponse', handle: r.remaining >= 4 ? r.string('handle') : null };
        case OP.listHandles:
        case OP.listHomedPrefixes:
          return { kind: 'handleList', handles: readHandleList(r) };
        case OP.verifyChallenge:
          return { kind: 'verifyResponse', valid: (r.u8('verification') & 1) === 1 };
        default:
          return { kind: 'empty' };
      }
    case WIRE_RC.authenticationNeeded:
      return { kind: 'challenge', nonce: r.bytesField('nonce') };
    case WIRE_RC.serviceReferral:
    case WIRE_RC.prefixReferral:
      return {
        kind: 'referral',
        handle: r.string('handle'),
        values: r.remaining >= 4 ? r.list(() => readValue(r), MIN_VALUE_SIZE, 'values') : null,
      };
    default:
      return { kind: 'error', message: r.remaining >= 4 ? r.string('error message') : null };
  }
}

function writeBody(w: WireWriter, body: Body): void {
  switch (body.kind) {
    case 'resolution':
      w.string(body.handle);
      w.list(body.indexes, (i) => w.u32(i));
      w.list(body.types, (t) => w.string(t));
      return;
    case 'handle':
      w.string(body.handle);
      return;
    case 'values':
    case 'resolutionResponse':
      w.string(body.handle);
      w.list(body.values, (v) => writeValue(w, v));
      return;
    case 'removeValues':
      w.string(body.handle);
      w.list(body.indexes, (i) => w.u32(i));
      return;
    case 'challengeAnswer':
      w.string(body.authType).string(body.identityHandle).u32(body.identityIndex).bytesField(body.answer);
      return;
    case 'verifyChallenge':
      w.string(body.handle).u32(body.index).bytesField(body.nonce);
      if (body.digest.algorithm === 0) w.bytesField(body.digest.digest);
      else writeDigest(w, body.digest);
      w.bytesField(body.signature);
      return;
    case 'sessionSetup':
      w.u16(body.mode).u32(body.timeout).string(body.identityHandle).u32(body.identityIndex);
      if (body.publicKey) w.bytesField(body.publicKey);
      if (body.exchangeKey) w.string(body.exchangeKey.handle).u32(body.exchangeKey.index);
      return;
    case 'siteInfo':
      writeSite(w, body.site);
      return;
    case 'sessionSetupResponse':
      w.u16(body.mode).bytesField(body.data);
      return;
    case 'createResponse':
      if (body.handle !== null) w.string(body.handle);
      return;
    case 'handleList':
      w.list(body.handles, (h) => w.string(h));
      return;
    case 'verifyResponse':
      w.u8(body.valid ? 1 : 0);
      return;
    case 'challenge':
      w.bytesField(body.nonce);
      return;
    case 'referral':
      w.string(body.handle);
      if (body.values) w.list(body.values, (v) => writeValue(w, v));
      return;
    case 'error':
      if (body.message !== null) w.string(body.message);
      return;
    case 'empty':
      return;
  }
}

// ---- credential ----

function readCredential(r: WireReader): Credential | null {
  const length = r.u32('credential length');
  if (length === 0) return null;
  if (length > r.remaining) throw new WireError('truncated credential');
  const c = new WireReader(r.bytes, r.position, r.position + length);
  r.raw(length);
  const version = c.u8();
  const reserved = c.u8();
  const options = c.u16();
  const signer = { handle: c.string('signer handle'), index: c.u32('signer index') };
  const type = c.string('credential type');
  const signedInfoLength = c.u32('signed info length');
  if (signedInfoLength > c.remaining) throw new WireError('truncated signed info');
  const s = new WireReader(c.bytes, c.position, c.position + signedInfoLength);
  const credential = {
    version,
    reserved,
    options,
    signer,
    type,
    digestAlgorithm: s.string('digest algorithm'),
    signedData: s.bytesField('signed data'),
    rest: s.rest(),
  };
  c.raw(signedInfoLength);
  if (c.remaining !== 0) throw new WireError('trailing octets in credential');
  return credential;
}

export function encodeCredential(c: Credential | null): Uint8Array {
  if (!c) return new Uint8Array(4);
  const signedInfo = writeWith((w) => w.string(c.digestAlgorithm).bytesField(c.signedData).raw(c.rest));
  const inner = writeWith((w) =>
    w.u8(c.version).u8(c.reserved).u16(c.options).string(c.signer.handle).u32(c.signer.index).string(c.type).bytesField(signedInfo),
  );
  return writeWith((w) => w.bytesField(inner));
}

// ---- whole messages ----

/** Decodes one complete message: envelope and exactly `messageLength` octets after it. */
export function decodeMessage(bytes: Uint8Array): HandleMessage {
  const envelope = decodeEnvelope(bytes);
  const end = ENVELOPE_SIZE + envelope.messageLength;
  if (bytes.length < end) throw new WireError('truncated message');
  if (bytes.length > end) throw new WireError('octets after the message');
  if (envelope.flags & (ENVELOPE_FLAG.encrypted | ENVELOPE_FLAG.compressed))
    throw new WireError('encrypted or compressed messages are not accepted', WIRE_RC.operationNotSupported);
  const r = new WireReader(bytes, ENVELOPE_SIZE, end);
  const opCode = r.u32();
  const responseCode = r.u32();
  const opFlags = r.u32();
  const siteInfoSerial = r.u16();
  const recursionCount = r.u8();
  r.u8(); // reserved
  const header: Header = { opCode, responseCode, opFlags, siteInfoSerial, recursionCount, expiration: r.u32(), bodyLength: r.u32() };
  if (header.bodyLength > r.remaining) throw new WireError('truncated body');
  const b = new WireReader(bytes, r.position, r.position + header.bodyLength);
  r.raw(header.bodyLength);
  let requestDigest: RequestDigest | undefined;
  let body: Body;
  if (isRequest(header)) body = readRequestBody(header.opCode, b);
  else {
    if (hasFlag(header.opFlags, OPFLAG.requestDigest)) requestDigest = readDigest(b);
    body = readResponseBody(header.opCode, header.responseCode, b);
  }
  const bodyRest = b.rest();
  const credential = r.remaining === 0 ? undefined : readCredential(r);
  if (r.remaining !== 0) throw new WireError('octets after the credential');
  return { envelope, header, ...(requestDigest ? { requestDigest } : {}), body, bodyRest, credential };
}

/** The header and body octets: what a signature or a request digest covers (Handle.Net signs exactly these). */
export function encodeHeaderAndBody(m: HandleMessage): Uint8Array {
  const body = writeWith((w) => {
    if (m.requestDigest) writeDigest(w, m.requestDigest);
    writeBody(w, m.body);
    w.raw(m.bodyRest);
  });
  const h = m.header;
  return writeWith((w) =>
    w
      .u32(h.opCode)
      .u32(h.responseCode)
      .u32(h.opFlags)
      .u16(h.siteInfoSerial)
      .u8(h.recursionCount)
      .u8(0)
      .u32(h.expiration)
      .u32(body.length)
      .raw(body),
  );
}

/** Envelope, header, body and credential; the lengths are computed from the parts. */
export function encodeMessage(m: HandleMessage): Uint8Array {
  const headerAndBody = encodeHeaderAndBody(m);
  const credential = m.credential === undefined ? EMPTY : encodeCredential(m.credential);
  const envelope = encodeEnvelope({ ...m.envelope, messageLength: headerAndBody.length + credential.length });
  return writeWith((w) => w.raw(envelope).raw(headerAndBody).raw(credential));
}

/** Reads the lengths of a message from its envelope, for a stream reader to know how much to wait for. */
export function messageSize(envelopeBytes: Uint8Array): number {
  return ENVELOPE_SIZE + decodeEnvelope(envelopeBytes).messageLength;
}

/**
 * What an HS_SIGNED signature or an HS_MAC covers in protocol 2.8 and later (Handle.Net's AbstractMessage): the
 * envelope's versions, session id, request id and the session counter (carried as the credential signer's index),
 * then the header and body.
 */
export function signedOctets(m: HandleMessage, sessionCounter = m.credential?.signer.index ?? 0): Uint8Array {
  const e = m.envelope;
  return writeWith((w) =>
    w
      .u8(e.majorVersion)
      .u8(e.minorVersion)
      .u8(e.suggestedMajorVersion)
      .u8(e.suggestedMinorVersion)
      .u32(e.sessionId)
      .u32(e.requestId)
      .u32(sessionCounter)
      .raw(encodeHeaderAndBody(m)),
  );
}

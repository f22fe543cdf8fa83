// Operation codes, response codes and flag bits of the Handle protocol: RFC 3652 §2.2.2, with the codes and flags
// CNRI's Handle.Net 9 adds (protocol 2.11, the version its clients speak in shared/standards/handle/).

export const OP = {
  resolution: 1,
  getSiteInfo: 2,
  createHandle: 100,
  deleteHandle: 101,
  addValue: 102,
  removeValue: 103,
  modifyValue: 104,
  listHandles: 105,
  challengeAnswer: 200,
  verifyChallenge: 201,
  homePrefix: 300,
  unhomePrefix: 301,
  listHomedPrefixes: 302,
  sessionSetup: 400,
  sessionTerminate: 401,
  sessionExchangeKey: 402,
} as const;
export type OpCode = (typeof OP)[keyof typeof OP];

/** The whole response-code set (0 marks a request). */
export const WIRE_RC = {
  reserved: 0,
  success: 1,
  error: 2,
  serverTooBusy: 3,
  protocolError: 4,
  operationNotSupported: 5,
  recursionCountTooHigh: 6,
  serverReadOnly: 7,
  handleNotFound: 100,
  handleAlreadyExists: 101,
  invalidHandle: 102,
  valuesNotFound: 200,
  valueAlreadyExists: 201,
  invalidValue: 202,
  outOfDateSiteInfo: 300,
  serverNotResponsible: 301,
  serviceReferral: 302,
  prefixReferral: 303,
  invalidAdmin: 400,
  insufficientPermissions: 401,
  authenticationNeeded: 402,
  authenticationFailed: 403,
  invalidCredential: 404,
  authenticationTimeout: 405,
  authenticationError: 406,
  sessionTimeout: 500,
  sessionFailed: 501,
  invalidSessionKey: 502,
  needRsaKeyForSessionExchange: 503,
  invalidSessionSetupRequest: 504,
  sessionMessageRejected: 505,
} as const;
export type WireResponseCode = (typeof WIRE_RC)[keyof typeof WIRE_RC];

/** Message header OpFlag bits (RFC 3652 §2.2.2.3; OVRW, MINT and DNRF from Handle.Net). */
export const OPFLAG = {
  authoritative: 0x8000_0000,
  certified: 0x4000_0000,
  encrypted: 0x2000_0000,
  recursive: 0x1000_0000,
  cacheAuthenticated: 0x0800_0000,
  continuous: 0x0400_0000,
  keepAlive: 0x0200_0000,
  publicOnly: 0x0100_0000,
  requestDigest: 0x0080_0000,
  overwrite: 0x0040_0000,
  mintSuffix: 0x0020_0000,
  doNotRefer: 0x0010_0000,
} as const;

export const hasFlag = (flags: number, flag: number): boolean => (flags & flag) !== 0;

/** Message envelope flag bits, in the envelope's third octet (RFC 3652 §2.2.1). */
export const ENVELOPE_FLAG = { compressed: 0x80, encrypted: 0x40, truncated: 0x20 } as const;

/** Request digest algorithms (the octet before a response's digest of the request). */
export const DIGEST = { md5: 1, sha1: 2, sha256: 3 } as const;
export const DIGEST_LENGTH: Record<number, number> = { [DIGEST.md5]: 16, [DIGEST.sha1]: 20, [DIGEST.sha256]: 32 };

/** Session key exchange modes of opcode 400. */
export const KEY_EXCHANGE = { none: 0, cipherClient: 1, cipherServer: 2, cipherHandle: 3, diffieHellman: 4 } as const;

/** Sizes: the envelope (§2.2.1), the header (§2.2.2); UDP datagrams carry at most 512 octets of message (§2.3.1). */
export const ENVELOPE_SIZE = 20;
export const HEADER_SIZE = 24;
export const UDP_MAX_DATAGRAM = 512;
/** Refused outright, whatever the transport: far more than any message Handle.Net accepts from a client. */
export const MAX_MESSAGE_LENGTH = 262_144;

/** The protocol version this codec speaks, as Handle.Net 9.3.1 announces it. */
export const PROTOCOL_VERSION = { major: 2, minor: 11 } as const;

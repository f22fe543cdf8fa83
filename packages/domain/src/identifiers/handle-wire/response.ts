// Building a server's answer to a decoded request: the same request and session ids, the request's flags that the
// answer carries back (as Handle.Net's answers in shared/standards/handle/ show), the authoritative bit set, and the
// digest of the request when the client asked for one (OPFLAG.requestDigest).

import { OPFLAG, PROTOCOL_VERSION, hasFlag } from './codes.ts';
import type { Body, HandleMessage, RequestDigest } from './message.ts';

/** Request flags an answer echoes. */
const ECHOED =
  OPFLAG.certified |
  OPFLAG.encrypted |
  OPFLAG.recursive |
  OPFLAG.cacheAuthenticated |
  OPFLAG.publicOnly |
  OPFLAG.keepAlive |
  OPFLAG.doNotRefer;

/** Answers are valid for twelve hours, as Handle.Net's are. */
export const ANSWER_LIFETIME_SECONDS = 12 * 3600;

export interface AnswerOptions {
  /** Seconds since the epoch. */
  now: number;
  siteInfoSerial: number;
  /** The request's digest; sent only when the request asked for one. */
  digest?: RequestDigest;
  sessionId?: number;
}

export function answerTo(request: HandleMessage, responseCode: number, body: Body, options: AnswerOptions): HandleMessage {
  const wantsDigest = hasFlag(request.header.opFlags, OPFLAG.requestDigest) && options.digest !== undefined;
  const opFlags = ((request.header.opFlags & ECHOED) | OPFLAG.authoritative | (wantsDigest ? OPFLAG.requestDigest : 0)) >>> 0;
  return {
    envelope: {
      majorVersion: PROTOCOL_VERSION.major,
      minorVersion: PROTOCOL_VERSION.minor,
      flags: 0,
      suggestedMajorVersion: PROTOCOL_VERSION.major,
      suggestedMinorVersion: PROTOCOL_VERSION.minor,
      sessionId: options.sessionId ?? request.envelope.sessionId,
      requestId: request.envelope.requestId,
      sequenceNumber: 0,
      messageLength: 0,
    },
    header: {
      opCode: request.header.opCode,
      responseCode,
      opFlags,
      siteInfoSerial: options.siteInfoSerial,
      recursionCount: request.header.recursionCount,
      expiration: (options.now + ANSWER_LIFETIME_SECONDS) >>> 0,
      bodyLength: 0,
    },
    ...(wantsDigest ? { requestDigest: options.digest } : {}),
    body,
    bodyRest: new Uint8Array(0),
    credential: null,
  };
}

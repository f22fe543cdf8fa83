import { createHash } from 'node:crypto';
import { decodeMessage, ENVELOPE_SIZE, HEADER_SIZE } from '@zhizao/domain/identifiers/handle-wire/index';
import { RECORDING, recordedMessage } from '@zhizao/domain/identifiers/handle-wire/recording.test-vectors';
import { describe, expect, it } from 'vitest';
import { secretKeyAnswerMatches } from './seckey.ts';

// The recorded batch (shared/standards/handle/): the create answered 402 with a nonce and the create's digest,
// then the client's HS_SECKEY answer for 300:88.999.1/ADMIN, whose secret the recording's README gives.

const RECORDED_SECRET = 'oracle-admin-secret';

describe('HS_SECKEY challenge answers', () => {
  for (const scenario of ['admin-tcp', 'admin-http']) {
    it(`verifies the recorded answer (${scenario}) and refuses a wrong secret or nonce`, () => {
      const messages = RECORDING.filter((x) => x.scenario.startsWith(scenario)).map((x) => ({ x, m: decodeMessage(recordedMessage(x)) }));
      const create = messages.find(({ x, m }) => x.dir === 'client->server' && m.header.opCode === 100)!;
      const challenge = messages.find(({ m }) => m.header.responseCode === 402)!.m;
      const answer = messages.find(({ m }) => m.header.opCode === 200)!.m;
      if (challenge.body.kind !== 'challenge' || answer.body.kind !== 'challengeAnswer') throw new Error('kind');
      // the digest the challenge carries is SHA-256 of the challenged request's header and body
      const bytes = recordedMessage(create.x);
      const digest = createHash('sha256')
        .update(bytes.subarray(ENVELOPE_SIZE, ENVELOPE_SIZE + HEADER_SIZE + create.m.header.bodyLength))
        .digest();
      expect(Buffer.from(challenge.requestDigest!.digest)).toEqual(digest);
      expect(secretKeyAnswerMatches(answer.body.answer, RECORDED_SECRET, challenge.body.nonce, digest)).toBe(true);
      expect(secretKeyAnswerMatches(answer.body.answer, 'another-secret', challenge.body.nonce, digest)).toBe(false);
      expect(secretKeyAnswerMatches(answer.body.answer, RECORDED_SECRET, new Uint8Array(16), digest)).toBe(false);
      const tampered = answer.body.answer.slice();
      tampered[21] = 0xff; // iterations far past the bound: refused without computing
      expect(secretKeyAnswerMatches(tampered, RECORDED_SECRET, challenge.body.nonce, digest)).toBe(false);
    });
  }
});

import { MAX_MESSAGE_LENGTH } from '@zhizao/domain/identifiers/handle-wire/index';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HandleProtocolService } from './service.ts';

// Handle over HTTP, as CNRI's clients speak it on a site's HTTP interface: `POST /<percent-encoded handle>` with
// `Content-Type: application/x-hdl-message`, the binary message (envelope included) as the body, answered the same
// way. The route matches only that content type (a router constraint), so every other request to any path — the
// web app, the REST API, a 404 — is routed exactly as before.

export const HDL_MESSAGE = 'application/x-hdl-message';

const isHdlMessage = (request: { headers: Record<string, string | string[] | undefined> }): boolean => {
  const type = request.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0]!.trim().toLowerCase() === HDL_MESSAGE;
};

export function registerHandleHttp(app: FastifyInstance, service: HandleProtocolService): void {
  app.addConstraintStrategy({
    name: 'hdlMessage',
    storage() {
      const handlers = new Map<string, unknown>();
      return {
        get: (value: string) => (handlers.get(value) ?? null) as never,
        set: (value: string, store: unknown) => void handlers.set(value, store),
      };
    },
    deriveConstraint: (request) => (isHdlMessage(request) ? 'yes' : undefined) as never,
    mustMatchWhenDerived: false,
  });
  app.addContentTypeParser(HDL_MESSAGE, { parseAs: 'buffer', bodyLimit: MAX_MESSAGE_LENGTH + 64 }, (_request, body, done) =>
    done(null, body),
  );
  app.post(
    '/*',
    { schema: { hide: true }, constraints: { hdlMessage: 'yes' }, config: { skipCsrf: true } },
    async (request: FastifyRequest, reply) => {
      const body = request.body;
      const answer = Buffer.isBuffer(body) ? await service.answer(body) : null;
      if (!answer) return reply.code(400).type(HDL_MESSAGE).send(Buffer.alloc(0));
      return reply
        .code(200)
        .type(HDL_MESSAGE)
        .send(Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength));
    },
  );
}

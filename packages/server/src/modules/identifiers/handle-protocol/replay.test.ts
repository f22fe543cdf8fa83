import { createPublicKey, verify } from 'node:crypto';
import {
  decodeMessage,
  encodeMessage,
  fromUtf8,
  OP,
  OPFLAG,
  signedOctets,
  siteFromJson,
  WIRE_RC,
  type HandleMessage,
  type WireValue,
} from '@zhizao/domain/identifiers/handle-wire/index';
import {
  RECORDING,
  RECORDING_SERVER_PUBLIC_KEY,
  recordedMessage,
  recordedRequestLine,
  type RecordedExchange,
} from '@zhizao/domain/identifiers/handle-wire/recording.test-vectors';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/harness.ts';
import { tenant, type Tenant } from '../fixtures.test-support.ts';
import { httpExchange, tcpExchange, udpExchange } from './client.test-support.ts';
import { handleProtocol } from './index.ts';

// Plays the client side of the recorded conversation with Handle.Net 9.3.1 (shared/standards/handle/) against a
// running node holding the same identifier, over UDP, TCP and HTTP, and checks each answer is the recorded one:
// the same response code, flags, handle and values, with this node's own timestamps, expiry and signature.

const RESOLUTION_SCENARIOS = ['resolve-udp P3', 'resolve-udp missing', 'resolve-tcp P3', 'resolve-http P3'];
const RECORDED_PREFIX = '88.999.1';

/** What must be equal between two answers (the timestamps, expiry and signatures are each server's own). */
function essence(m: HandleMessage) {
  const values = (vs: WireValue[]) => vs.map((v) => ({ ...v, timestamp: 0, data: fromUtf8(v.data) }));
  const body = m.body;
  return {
    requestId: m.envelope.requestId,
    sessionId: m.envelope.sessionId,
    opCode: m.header.opCode,
    responseCode: m.header.responseCode,
    opFlags: m.header.opFlags,
    body: body.kind === 'resolutionResponse' ? { ...body, values: values(body.values) } : body,
    signed: m.credential?.type ?? null,
  };
}

describeEachDatabase(
  'Handle protocol replay of the recorded conversation',
  (server) => {
    let owner: Tenant;
    let port: number;
    /** Rewrites a recorded request for this node's prefix when the fixture's differs from the recording's. */
    let retarget: (bytes: Uint8Array) => Uint8Array;

    beforeAll(async () => {
      owner = await tenant(server(), 0);
      port = handleProtocol(server().ctx).port!;
      const values = [
        { index: 1, type: 'URL', data: { format: 'string', value: 'https://id.example.cn/p/3' } },
        { index: 2000, type: 'name', data: { format: 'string', value: '精密轴承 6204-3' } },
        { index: 2001, type: 'model', data: { format: 'string', value: '6204-2RS-3' } },
      ];
      const created = await server().client().request('PUT', `/api/handles/${owner.prefix}/P3`, { values }, { authorization: owner.basic });
      expect(created.status).toBe(201);
      retarget = (bytes) => {
        if (owner.prefix === RECORDED_PREFIX) return bytes;
        const m = decodeMessage(bytes);
        if (m.body.kind === 'resolution' && m.body.handle.startsWith(`${RECORDED_PREFIX}/`))
          m.body.handle = owner.prefix + m.body.handle.slice(RECORDED_PREFIX.length);
        return encodeMessage(m);
      };
    });

    const nodeKey = () => handleProtocol(server().ctx).key.publicKey;

    /** Our answer matches the recorded one; signed answers verify with each server's key. */
    function expectEquivalent(ours: Uint8Array, recorded: Uint8Array) {
      const a = decodeMessage(ours);
      const b = decodeMessage(recorded);
      const expected = essence(b);
      if (expected.body.kind === 'resolutionResponse') expected.body.handle = expected.body.handle.replace(RECORDED_PREFIX, owner.prefix);
      expect(essence(a)).toEqual(expected);
      if (b.credential?.type === 'HS_SIGNED') {
        expect(verify('sha256', signedOctets(b), createPublicKey(RECORDING_SERVER_PUBLIC_KEY), b.credential.signedData)).toBe(true);
        expect(verify('sha256', signedOctets(a), nodeKey(), a.credential!.signedData)).toBe(true);
      }
    }

    for (const scenario of RESOLUTION_SCENARIOS) {
      it(`answers like Handle.Net: ${scenario}`, async () => {
        const exchanges = RECORDING.filter((x) => x.scenario === scenario);
        const requests = exchanges.filter((x) => x.dir === 'client->server');
        expect(requests.length).toBeGreaterThan(0);
        for (const request of requests) {
          const recorded = exchanges.find((x) => x.conn === request.conn && x.dir === 'server->client')!;
          const message = retarget(recordedMessage(request));
          let answer: Uint8Array;
          if (request.transport === 'udp') answer = (await udpExchange(port, message)).answer;
          else if (request.transport === 'tcp') answer = await tcpExchange(port, message);
          else {
            const path = recordedRequestLine(request).split(' ')[1]!.replace(encodeURIComponent(RECORDED_PREFIX), owner.prefix);
            const res = await httpExchange(server().url, path, message);
            expect(res.status).toBe(200);
            expect(res.type).toBe('application/x-hdl-message');
            answer = res.answer;
          }
          expectEquivalent(answer, recordedMessage(recorded));
        }
      });
    }

    const p3Request = () => decodeMessage(retarget(recordedMessage(RECORDING.find((x: RecordedExchange) => x.conn === 2)!)));

    it('serves opcode 2 with the site of siteinfo.json, and the prefix handle with HS_SITE', async () => {
      const json = await server().client().get('/api/handle-protocol/siteinfo.json');
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({
        version: 1,
        protocolVersion: '2.11',
        primarySite: true,
        servers: [{ serverId: 1, address: '127.0.0.1' }],
      });
      expect(json.body.servers[0].interfaces).toEqual([
        { query: true, admin: true, protocol: 'TCP', port },
        { query: true, admin: false, protocol: 'UDP', port },
        { query: true, admin: true, protocol: 'HTTP', port: Number(new URL(server().url).port) },
      ]);
      expect(JSON.stringify(json.body)).not.toMatch(/"d"|"p"|"q"|PRIVATE/);
      expect(createPublicKey({ key: json.body.servers[0].publicKey.value, format: 'jwk' }).equals(nodeKey())).toBe(true);

      const request = p3Request();
      request.header.opCode = OP.getSiteInfo;
      request.body = { kind: 'handle', handle: '/' };
      const answer = decodeMessage((await udpExchange(port, encodeMessage(request))).answer);
      expect(answer.header.responseCode).toBe(WIRE_RC.success);
      expect(answer.body).toEqual({ kind: 'siteInfo', site: siteFromJson(json.body) });

      const prefixHandle = p3Request();
      if (prefixHandle.body.kind !== 'resolution') throw new Error('kind');
      prefixHandle.body.handle = `0.NA/${owner.prefix}`;
      const site = decodeMessage(await tcpExchange(port, encodeMessage(prefixHandle)));
      expect(site.body).toMatchObject({ kind: 'resolutionResponse', values: [{ index: 1, type: 'HS_SITE' }] });
    });

    it('filters by index and type, and asks for authentication before restricted values', async () => {
      const put = await server()
        .client()
        .request(
          'PUT',
          `/api/handles/${owner.prefix}/MIXED`,
          {
            values: [
              { index: 1, type: 'URL', data: 'https://example.com/m' },
              { index: 2, type: 'EMAIL', data: 'qa@example.org' },
              { index: 3, type: 'secret', data: 'hidden', permissions: '1100' },
            ],
          },
          { authorization: owner.basic },
        );
      expect(put.status).toBe(201);
      const ask = async (indexes: number[], types: string[], publicOnly: boolean) => {
        const m = p3Request();
        m.body = { kind: 'resolution', handle: `${owner.prefix}/MIXED`, indexes, types };
        m.header.opFlags = publicOnly ? m.header.opFlags | OPFLAG.publicOnly : m.header.opFlags & ~OPFLAG.publicOnly;
        return decodeMessage((await udpExchange(port, encodeMessage(m))).answer);
      };
      const indexes = (m: HandleMessage) =>
        m.body.kind === 'resolutionResponse' ? m.body.values.map((v) => v.index) : m.header.responseCode;
      expect(indexes(await ask([], [], true))).toEqual([1, 2]);
      expect(indexes(await ask([2], [], true))).toEqual([2]);
      expect(indexes(await ask([], ['url'], true))).toEqual([1]);
      expect(indexes(await ask([9], [], true))).toBe(WIRE_RC.valuesNotFound);
      expect(indexes(await ask([], [], false))).toBe(WIRE_RC.authenticationNeeded);
      expect(indexes(await ask([1], [], false))).toEqual([1]);
    });

    it('splits an answer too big for one datagram and the client puts it back together', async () => {
      const values = Array.from({ length: 12 }, (_, i) => ({ index: 10 + i, type: 'DESC', data: `说明 ${i} `.repeat(8) }));
      const put = await server().client().request('PUT', `/api/handles/${owner.prefix}/BIG`, { values }, { authorization: owner.basic });
      expect(put.status).toBe(201);
      const m = p3Request();
      m.body = { kind: 'resolution', handle: `${owner.prefix}/BIG`, indexes: [], types: [] };
      const { answer, datagrams } = await udpExchange(port, encodeMessage(m));
      expect(datagrams).toBeGreaterThan(1);
      const decoded = decodeMessage(answer);
      expect(decoded.body.kind === 'resolutionResponse' && decoded.body.values.length).toBe(12);
    });

    it('refuses truncated, oversized and garbage input with the protocol error and keeps serving', async () => {
      const good = encodeMessage(p3Request());
      const truncated = good.slice(0, good.length - 3);
      new DataView(truncated.buffer).setUint32(16, truncated.length - 20 + 3);
      // over TCP the server waits for the rest; the client gives up and closes, and nothing hangs
      const cut = tcpExchange(port, truncated.subarray(0, 30), 300).catch(() => 'no answer');
      expect(await cut).toBe('no answer');
      // a datagram shorter than its envelope says
      const short = decodeMessage((await udpExchange(port, truncated)).answer);
      expect(short.header.responseCode).toBe(WIRE_RC.protocolError);
      // a length past the protocol's limit, over TCP: answered, then the connection closes
      const oversized = good.slice();
      new DataView(oversized.buffer).setUint32(16, 0x7fff_ffff);
      const refused = decodeMessage(await tcpExchange(port, oversized));
      expect(refused.header.responseCode).toBe(WIRE_RC.protocolError);
      // garbage in a well-formed envelope, over HTTP
      const garbage = good.slice();
      garbage.fill(0xff, 44);
      const http = await httpExchange(server().url, '/x', garbage);
      expect(http.status).toBe(200);
      expect(decodeMessage(http.answer).header.responseCode).toBe(WIRE_RC.protocolError);
      // and resolution still works
      expect(decodeMessage((await udpExchange(port, good)).answer).header.responseCode).toBe(WIRE_RC.success);
    });

    it('leaves the platform’s routes alone: other content types on any path route as before', async () => {
      const client = server().client();
      const notFound = await client.request('POST', '/88.999.1%2FP3', { a: 1 });
      expect(notFound.status).toBe(404);
      expect(notFound.body.error).toBeDefined();
      const rest = await client.get(`/api/handles/${owner.prefix}/P3`);
      expect(rest.status).toBe(200);
      expect(rest.body.values.map((v: { index: number }) => v.index)).toEqual([1, 2000, 2001]);
    });
  },
  { HANDLE_PORT: 'ephemeral' },
);

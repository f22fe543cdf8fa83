import { describe, expect, it } from 'vitest';
import { fromUtf8, toHex, WireError } from './bytes.ts';
import { MAX_MESSAGE_LENGTH, OP, OPFLAG, WIRE_RC } from './codes.ts';
import { decodeMessage, encodeMessage, type HandleMessage } from './message.ts';
import { answerTo } from './response.ts';
import { RECORDING, recordedMessage, type RecordedExchange } from './recording.test-vectors.ts';
import { adminBits, decodeAdmin, decodePublicKey, encodeAdmin, permissionBits } from './values.ts';

const messageBytes = recordedMessage;

const decoded = RECORDING.map((x) => ({ x, message: decodeMessage(messageBytes(x)) }));
const find = (scenario: string, dir: RecordedExchange['dir'], op: number) =>
  decoded.find((d) => d.x.scenario.startsWith(scenario) && d.x.dir === dir && d.message.header.opCode === op)!.message;

describe('Handle wire codec against the recorded conversation', () => {
  it('decodes every recorded message and re-encodes it byte for byte', () => {
    expect(RECORDING.length).toBeGreaterThan(40);
    for (const { x, message } of decoded)
      expect(toHex(encodeMessage(message)), `${x.scenario} conn ${x.conn} ${x.dir}`).toBe(toHex(messageBytes(x)));
  });

  it('covers every message kind the recording holds', () => {
    const ops = new Set(decoded.map((d) => d.message.header.opCode));
    for (const op of [
      OP.resolution,
      OP.createHandle,
      OP.deleteHandle,
      OP.addValue,
      OP.removeValue,
      OP.modifyValue,
      OP.challengeAnswer,
      OP.sessionSetup,
    ])
      expect(ops.has(op), `opcode ${op}`).toBe(true);
  });

  it('reads the resolution of 88.999.1/P3: values, TTL, permissions, UTF-8 data', () => {
    const request = find('resolve-udp P3', 'client->server', OP.resolution);
    expect(request.body).toMatchObject({ kind: 'resolution', indexes: [], types: [] });
    const answers = decoded.filter((d) => d.x.dir === 'server->client' && d.message.body.kind === 'resolutionResponse');
    const answer = answers[0]!.message;
    expect(answer.header.responseCode).toBe(WIRE_RC.success);
    if (answer.body.kind !== 'resolutionResponse') throw new Error('kind');
    expect(answer.body.handle).toBe('88.999.1/P3');
    expect(answer.body.values.map((v) => [v.index, v.type, fromUtf8(v.data), v.ttlType, v.ttl, permissionBits(v.permissions)])).toEqual([
      [1, 'URL', 'https://id.example.cn/p/3', 0, 86400, '1110'],
      [2000, 'name', '精密轴承 6204-3', 0, 86400, '1110'],
      [2001, 'model', '6204-2RS-3', 0, 86400, '1110'],
    ]);
  });

  it('reads the root answer (301, signed) and the miss (100)', () => {
    const root = decoded.find(
      (d) => d.x.dir === 'server->client' && d.message.header.responseCode === WIRE_RC.serverNotResponsible,
    )!.message;
    expect(root.body).toEqual({ kind: 'error', message: "That prefix doesn't live here" });
    expect(root.credential).toMatchObject({ type: 'HS_SIGNED', digestAlgorithm: 'SHA-256' });
    expect(root.credential?.signedData.length).toBe(256);
    const miss = decoded.find((d) => d.message.header.responseCode === WIRE_RC.handleNotFound)!.message;
    expect(miss.body).toEqual({ kind: 'error', message: '' });
  });

  it('reads the authenticated batch: session setup, challenge, HS_SECKEY answer, HS_ADMIN, session MACs', () => {
    const setup = find('admin-tcp', 'client->server', OP.sessionSetup);
    expect(setup.body).toMatchObject({
      kind: 'sessionSetup',
      mode: 4,
      timeout: 86400,
      identityHandle: '88.999.1/ADMIN',
      identityIndex: 300,
    });
    if (setup.body.kind !== 'sessionSetup') throw new Error('kind');
    expect(decodePublicKey(setup.body.publicKey!).keyType).toBe('DH_PUB_KEY');
    const challenge = decoded.find((d) => d.message.header.responseCode === WIRE_RC.authenticationNeeded)!.message;
    expect(challenge.body.kind).toBe('challenge');
    expect(challenge.requestDigest?.algorithm).toBe(3);
    const answer = find('admin-tcp', 'client->server', OP.challengeAnswer);
    expect(answer.body).toMatchObject({
      kind: 'challengeAnswer',
      authType: 'HS_SECKEY',
      identityHandle: '88.999.1/ADMIN',
      identityIndex: 300,
    });
    const create = find('admin-tcp', 'client->server', OP.createHandle);
    if (create.body.kind !== 'values') throw new Error('kind');
    const admin = create.body.values.find((v) => v.type === 'HS_ADMIN')!;
    expect(decodeAdmin(admin.data)).toEqual({ permissions: 0x0fff, handle: '88.999.1/ADMIN', index: 300 });
    expect(adminBits(0x0fff)).toBe('111111111111');
    expect(encodeAdmin(decodeAdmin(admin.data))).toEqual(admin.data);
    expect(create.credential).toMatchObject({ type: 'HS_MAC', digestAlgorithm: 'HMAC-SHA256' });
    const created = find('admin-tcp', 'server->client', OP.createHandle);
    expect(created.header.responseCode).toBe(WIRE_RC.authenticationNeeded);
  });

  it('builds an answer with the ids and flags a Handle client expects', () => {
    const request = decoded.find((d) => d.x.scenario === 'resolve-udp missing' && d.x.dir === 'client->server')!.message;
    expect(request.body).toMatchObject({ handle: '88.999.1/NO-SUCH' });
    const answer = answerTo(request, WIRE_RC.handleNotFound, { kind: 'error', message: '' }, { now: 1_800_000_000, siteInfoSerial: 1 });
    const recorded = find('resolve-udp missing', 'server->client', OP.resolution);
    expect(answer.header.opFlags).toBe(recorded.header.opFlags);
    expect(answer.envelope.requestId).toBe(request.envelope.requestId);
    expect(decodeMessage(encodeMessage(answer))).toMatchObject({
      header: { responseCode: 100, opFlags: (OPFLAG.authoritative | 0x19000000) >>> 0 },
    });
  });
});

describe('Handle wire codec refuses bad input with the protocol error code', () => {
  const sample = messageBytes(RECORDING.find((x) => x.dir === 'server->client' && x.transport === 'udp')!);

  const refusal = (bytes: Uint8Array): WireError | HandleMessage => {
    try {
      return decodeMessage(bytes);
    } catch (error) {
      if (error instanceof WireError) return error;
      throw error;
    }
  };

  it('refuses every truncation of a recorded message', () => {
    for (let n = 0; n < sample.length; n++) {
      const result = refusal(sample.subarray(0, n));
      expect(result, `length ${n}`).toBeInstanceOf(WireError);
      expect((result as WireError).responseCode).toBe(WIRE_RC.protocolError);
    }
  });

  it('refuses an oversized message length without reading further', () => {
    const bytes = sample.slice();
    new DataView(bytes.buffer).setUint32(16, MAX_MESSAGE_LENGTH + 1);
    expect(refusal(bytes)).toBeInstanceOf(WireError);
  });

  it('refuses lying counts and lengths inside the body quickly', () => {
    const bytes = sample.slice();
    // the handle length of the resolution answer's body, then its value count
    for (const at of [44, 44 + 4 + 11]) {
      const copy = bytes.slice();
      new DataView(copy.buffer).setUint32(at, 0x7fffffff);
      expect(refusal(copy)).toBeInstanceOf(WireError);
    }
  });

  it('never throws anything but a WireError on garbage', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let round = 0; round < 3000; round++) {
      const bytes = sample.slice();
      // keep the envelope's length honest half the time so the fuzzing reaches the body
      const flips = 1 + (random() % 8);
      for (let i = 0; i < flips; i++) bytes[(round % 2 ? 20 : 0) + ((random() * 7919 + random()) % (bytes.length - 20))] = random();
      refusal(bytes);
    }
    for (let round = 0; round < 500; round++) refusal(Uint8Array.from({ length: random() + 20 }, random));
  });

  it('answers an unknown opcode with operation-not-supported', () => {
    const bytes = messageBytes(RECORDING[0]!).slice();
    new DataView(bytes.buffer).setUint32(20, 9999);
    expect((refusal(bytes) as WireError).responseCode).toBe(WIRE_RC.operationNotSupported);
  });
});

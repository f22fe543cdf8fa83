import dgram from 'node:dgram';
import net from 'node:net';
import { ENVELOPE_SIZE } from '@zhizao/domain/identifiers/handle-wire/index';

// The client side of the Handle protocol's three transports, for tests: send one message, collect one answer.

const TIMEOUT_MS = 3_000;

/** Sends a datagram and puts the answer's datagrams back together (sequence numbers, the message's whole length). */
export function udpExchange(port: number, message: Uint8Array): Promise<{ answer: Uint8Array; datagrams: number }> {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve, reject) => {
    const parts = new Map<number, Buffer>();
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('no UDP answer'));
    }, TIMEOUT_MS);
    socket.on('message', (datagram) => {
      parts.set(datagram.readUInt32BE(12), datagram);
      const total = datagram.readUInt32BE(16);
      const received = [...parts.values()].reduce((n, p) => n + p.length - ENVELOPE_SIZE, 0);
      if (received < total) return;
      clearTimeout(timer);
      socket.close();
      const ordered = [...parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
      const answer = Buffer.concat([ordered[0]!.subarray(0, ENVELOPE_SIZE), ...ordered.map((p) => p.subarray(ENVELOPE_SIZE))]);
      answer.writeUInt32BE(0, 12);
      resolve({ answer: new Uint8Array(answer), datagrams: ordered.length });
    });
    socket.send(message, port, '127.0.0.1');
  });
}

/** Writes the bytes on a fresh connection and reads one whole answer (or what came before the server closed). */
export function tcpExchange(port: number, bytes: Uint8Array, timeoutMs = TIMEOUT_MS): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(new Uint8Array(received));
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no TCP answer'));
    }, timeoutMs);
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= ENVELOPE_SIZE && received.length >= ENVELOPE_SIZE + received.readUInt32BE(16)) done();
    });
    socket.on('end', done);
    socket.write(bytes);
  });
}

export async function httpExchange(
  url: string,
  path: string,
  message: Uint8Array,
): Promise<{ status: number; type: string | null; answer: Uint8Array }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-hdl-message', accept: 'application/x-hdl-message' },
    body: message,
  });
  return { status: res.status, type: res.headers.get('content-type'), answer: new Uint8Array(await res.arrayBuffer()) };
}

import dgram from 'node:dgram';
import { ENVELOPE_SIZE, UDP_MAX_DATAGRAM } from '@zhizao/domain/identifiers/handle-wire/index';
import type { HandleProtocolService } from './service.ts';

// Handle over UDP (RFC 3652 §2.3.1): one request per datagram, and an answer that does not fit one datagram goes
// out in several, each with the envelope, the message's whole length and its sequence number, for the client to
// put back together (CNRI's resolver does; a client that cannot retries over TCP).

/** An answer's datagrams: the envelope repeated on each, the sequence number counting the parts. */
export function datagrams(answer: Uint8Array, limit = UDP_MAX_DATAGRAM): Uint8Array[] {
  if (answer.length <= limit) return [answer];
  const message = answer.subarray(ENVELOPE_SIZE);
  const chunk = limit - ENVELOPE_SIZE;
  const parts: Uint8Array[] = [];
  for (let at = 0, sequence = 0; at < message.length; at += chunk, sequence++) {
    const part = new Uint8Array(ENVELOPE_SIZE + Math.min(chunk, message.length - at));
    part.set(answer.subarray(0, ENVELOPE_SIZE));
    new DataView(part.buffer).setUint32(12, sequence);
    part.set(message.subarray(at, at + chunk), ENVELOPE_SIZE);
    parts.push(part);
  }
  return parts;
}

export async function listenUdp(service: HandleProtocolService, host: string, port: number): Promise<dgram.Socket> {
  const socket = dgram.createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', reuseAddr: false });
  socket.on('message', (message, peer) => {
    void service.answer(message).then((answer) => {
      if (!answer) return;
      for (const part of datagrams(answer)) socket.send(part, peer.port, peer.address);
    });
  });
  // a send to a vanished peer must not take the listener down
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return socket;
}

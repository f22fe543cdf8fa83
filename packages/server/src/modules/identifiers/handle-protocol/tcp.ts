import net from 'node:net';
import { ENVELOPE_SIZE, MAX_MESSAGE_LENGTH } from '@zhizao/domain/identifiers/handle-wire/index';
import type { HandleProtocolService } from './service.ts';

// Handle over TCP (RFC 3652 §2.3.2): envelope and message, answered on the same connection, one after another;
// the connection stays open for more until the client closes it or stays idle too long. A message whose envelope
// claims more than the protocol allows is answered with the protocol error and the connection closed.

const IDLE_MS = 30_000;

export function handleConnection(service: HandleProtocolService, socket: net.Socket): void {
  let pending = Buffer.alloc(0);
  let busy = Promise.resolve();
  socket.setTimeout(IDLE_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= ENVELOPE_SIZE) {
      const length = pending.readUInt32BE(16);
      if (length > MAX_MESSAGE_LENGTH) {
        // answer what can be answered, then stop reading a stream that no longer makes sense
        const head = pending.subarray(0, Math.min(pending.length, ENVELOPE_SIZE + 24));
        socket.pause();
        busy = busy.then(() => service.answer(head)).then((answer) => void (answer ? socket.end(answer) : socket.destroy()));
        pending = Buffer.alloc(0);
        return;
      }
      if (pending.length < ENVELOPE_SIZE + length) return;
      const message = pending.subarray(0, ENVELOPE_SIZE + length);
      pending = pending.subarray(ENVELOPE_SIZE + length);
      busy = busy.then(() => service.answer(message)).then((answer) => void (answer && !socket.destroyed && socket.write(answer)));
    }
  });
}

export async function listenTcp(service: HandleProtocolService, host: string, port: number): Promise<net.Server> {
  const server = net.createServer((socket) => handleConnection(service, socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

// Load generator for the Handle UDP bench (handle-udp.ts), a child process so the server keeps its own core:
// `window` requests in flight, each a resolution of a random handle (or the same bytes to the echo), for
// `seconds`; each request carries its own request id, so latencies are matched answer by answer.
import dgram from 'node:dgram';

const { port, messages, seconds, window } = JSON.parse(process.argv[2]);
const templates = messages.map((hex) => Buffer.from(hex, 'hex'));
const socket = dgram.createSocket('udp4');
const sentAt = new Map();
const latencies = [];
let nextId = 1;
let lost = 0;
const until = performance.now() + seconds * 1000;

function send() {
  const message = Buffer.from(templates[Math.floor(Math.random() * templates.length)]);
  const id = nextId++ >>> 0;
  message.writeUInt32BE(id, 8);
  sentAt.set(id, performance.now());
  socket.send(message, port, '127.0.0.1');
}

socket.on('message', (answer) => {
  const id = answer.readUInt32BE(8);
  const start = sentAt.get(id);
  if (start === undefined) return;
  sentAt.delete(id);
  latencies.push(performance.now() - start);
  if (performance.now() < until) send();
});

// a datagram can be dropped: one that waited 500 ms is counted lost and replaced
const sweeper = setInterval(() => {
  const now = performance.now();
  for (const [id, start] of sentAt)
    if (now - start > 500) {
      sentAt.delete(id);
      lost++;
      if (now < until) send();
    }
}, 100);

for (let i = 0; i < window; i++) send();
setTimeout(
  () => {
    clearInterval(sweeper);
    socket.close();
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    process.send({ requests: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), lost });
    process.disconnect();
  },
  seconds * 1000 + 600,
);

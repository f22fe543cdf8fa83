// Load generator for the identifier resolution bench (identifiers.ts), run as a child process so the server's
// event loop keeps its own core (autocannon in a worker thread takes itself for one of its own workers):
// 32 keep-alive connections, each request a random handle of the store, or the static route.
import autocannon from 'autocannon';

const { url, path, prefix, count, connections, duration } = JSON.parse(process.argv[2]);
const randomPath = () => `/api/handles/${prefix}/P${Math.floor(Math.random() * count)}`;

const result = await autocannon({
  url,
  connections,
  duration,
  pipelining: 1,
  requests: [{ method: 'GET', path: path ?? '/', setupRequest: (request) => (path ? request : { ...request, path: randomPath() }) }],
});
process.send({
  requests: result.requests.total,
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  bytesPerRequest: result.throughput.total / Math.max(1, result.requests.total),
});
process.disconnect();

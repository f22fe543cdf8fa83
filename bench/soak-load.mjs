// Load generator for the soak (soak.ts), run as a child process so the server keeps its own core: three
// autocannon instances at once — anonymous resolution, a bureau user browsing, an enterprise registering
// identifiers — each with its own latency histogram, for one round of `duration` seconds.
import autocannon from 'autocannon';

const { url, duration, handles, browsePaths, admin, enterprise, prefix, round, template } = JSON.parse(process.argv[2]);
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
let serial = 0;

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ url, duration, pipelining: 1, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function writeBody() {
  const items = [];
  for (let i = 0; i < 20; i++) {
    const suffix = `SOAK-${process.pid}-${round}-${serial++}`;
    items.push({ handle: `${prefix}/${suffix}`, templateVersion: template.version, values: template.values(suffix) });
  }
  return JSON.stringify({ items });
}
// the values of a demo identifier, with the URL pointing at the new one (functions don't cross JSON)
template.values = (suffix) =>
  template.sample.map((v) => (v.index === 1 ? { ...v, data: `https://id.zhizao.example/${prefix}/${suffix}` } : v));

const kinds = {
  resolution: {
    connections: 16,
    requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/handles/${pick(handles)}` }) }],
  },
  // browsing and writes at a set pace (what a city's staff and enterprise systems send), resolution as fast as it goes:
  // on SQLite every query runs on the server's event loop, so an unpaced browser would measure only itself
  browsing: {
    connections: 4,
    overallRate: 50,
    headers: { cookie: admin.cookie, 'accept-language': 'zh-CN' },
    requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: pick(browsePaths) }) }],
  },
  writes: {
    connections: 2,
    overallRate: 10,
    headers: { cookie: enterprise.cookie, 'x-csrf-token': enterprise.csrfToken, 'content-type': 'application/json' },
    requests: [{ method: 'POST', path: '/api/identifiers/records/batch', setupRequest: (r) => ({ ...r, body: writeBody() }) }],
  },
};

const entries = await Promise.all(
  Object.entries(kinds).map(async ([kind, options]) => {
    const r = await run(options);
    return [
      kind,
      {
        requests: r.requests.total,
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        statusCodes: r.statusCodeStats,
      },
    ];
  }),
);
process.send(Object.fromEntries(entries));
process.disconnect();

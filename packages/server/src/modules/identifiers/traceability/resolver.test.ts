import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase } from '../../../../test/harness.ts';
import { PUMP, seedIdentifierFixtures } from './traceability.fixtures.ts';

// The Digital Link resolver as a GS1 client meets it (GS1-Conformant Resolver Standard 1.1; GS1 Digital Link URI
// Syntax 1.4): validation with 400, every primary key routed, 307 with the query string passed on, linksets, the
// resolver description. GTIN 09506000134352, SSCC 106141412345678908, GLN 9521321000018 (valid check digits).

const GTIN = '09506000134352';

describeEachDatabase('GS1 Digital Link resolver', (server) => {
  const scan = (path: string, accept = 'application/json') =>
    fetch(server().url + path, { headers: { accept, 'accept-language': 'en' }, redirect: 'manual' });

  beforeAll(async () => {
    await seedIdentifierFixtures(server());
  });

  it('refuses what is not a valid Digital Link with 400, naming the problem', async () => {
    expectError(await server().client().get(`/01/09506000134353/21/S1`), 400, 'resolver.checkDigit');
    expectError(await server().client().get(`/01/${GTIN}/21/S1/10/L1`), 400, 'resolver.qualifierOrder');
    expectError(await server().client().get(`/00/106141412345678908/21/S1`), 400, 'resolver.qualifierNotAllowed');
    expectError(await server().client().get(`/01/${GTIN}?17=2612`), 400, 'resolver.attributeSyntax');
    expectError(await server().client().get(`/414/952132100001X`), 400, 'resolver.valueSyntax');
  });

  it('redirects every primary key and the pharma 01/10/21 path with 307, keeping the query attributes', async () => {
    for (const path of [`/01/${GTIN}/10/LOT1/21/S1`, '/00/106141412345678908', '/414/9521321000018/254/5', '/8004/9521321ASSET1']) {
      const res = await scan(path, 'text/html');
      expect([path, res.status, res.headers.get('location')]).toEqual([path, 307, `${server().url}/trace${path}`]);
      expect(res.headers.get('link')).toBe(`<${server().url}${path}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`);
    }
    const withQuery = await scan(`/01/${GTIN}/10/LOT1?17=261231&linkType=gs1:traceability&custom=x`, 'text/html');
    expect([withQuery.status, withQuery.headers.get('location')]).toEqual([
      307,
      `${server().url}/trace/01/${GTIN}/10/LOT1?17=261231&custom=x`,
    ]);
    // GTIN-13 is padded, and a client that is not a browser gets the JSON with the whole link
    const data = await scan('/01/9506000134352?17=261231');
    expect(new URL(data.headers.get('location')!).searchParams.get('id')).toBe(`01/${GTIN}?17=261231`);
  });

  it('answers the linkset for linkType=all: trace page, JSON, EPCIS events, the product page', async () => {
    const res = await scan(`/01/${GTIN}/21/S1?linkType=all`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/linkset\+json/);
    const base = server().url;
    const page = { href: `${base}/trace/01/${GTIN}/21/S1`, title: 'Product trace', type: 'text/html', hreflang: ['zh', 'en'] };
    expect(await res.json()).toEqual({
      linkset: [
        {
          anchor: `${base}/01/${GTIN}/21/S1`,
          'https://gs1.org/voc/defaultLink': [page],
          'https://gs1.org/voc/traceability': [
            page,
            {
              href: `${base}/api/trace?id=${encodeURIComponent(`01/${GTIN}/21/S1`)}`,
              title: 'Trace data (JSON)',
              type: 'application/json',
            },
          ],
          'https://gs1.org/voc/epcis': [
            {
              href: `${base}/epcis/events?MATCH_anyEPC=${encodeURIComponent(`https://id.gs1.org/01/${GTIN}/21/S1`)}`,
              title: 'EPCIS events',
              type: 'application/ld+json',
            },
          ],
          'https://gs1.org/voc/pip': [{ href: `${base}/trace/01/${GTIN}`, title: 'Product information', type: 'text/html' }],
        },
      ],
    });
    const byType = await scan(`/01/${GTIN}/21/S1?linkType=gs1:pip`, 'text/html');
    expect([byType.status, byType.headers.get('location')]).toEqual([307, `${base}/trace/01/${GTIN}`]);
  });

  it("gives a handle's linkset from its record: trace page, the record, the enterprise's URL values", async () => {
    const res = await scan(`/${PUMP}?linkType=all`);
    expect(res.status).toBe(200);
    const [set] = ((await res.json()) as { linkset: Record<string, { href: string }[]>[] }).linkset;
    expect(set?.['https://gs1.org/voc/pip']).toEqual([
      { href: `https://node.example/${PUMP}`, title: "The enterprise's page", type: 'text/html' },
    ]);
    expect(set?.['https://gs1.org/voc/masterData']?.[0]?.href).toBe(`${server().url}/api/handles/${PUMP}`);
    expectError(await server().client().get(`/${PUMP}-NONE?linkType=all`), 404, 'traceability.unknownIdentifier', 'id');
    const page = await scan(`/${PUMP}`, 'text/html');
    expect([page.status, page.headers.get('location')]).toEqual([302, `/trace/${PUMP}`]);
  });

  it('decodes a compressed link in place and names its uncompressed form (GS1 Digital Link: Compression)', async () => {
    const res = await scan(`/01/${GTIN}/EEOrwhY12GQ`, 'text/html'); // 10/ABC/21/XYZ, compressed
    expect([res.status, res.headers.get('location')]).toEqual([307, `${server().url}/trace/01/${GTIN}/10/ABC/21/XYZ`]);
    expect(res.headers.get('link')).toContain(`<https://id.gs1.org/01/${GTIN}/10/ABC/21/XYZ>; rel="owl:sameAs"`);
    expectError(await server().client().get(`/01/${GTIN}/10`), 400, 'resolver.notDigitalLink');
  });

  it('describes itself at /.well-known/gs1resolver as JSON, with CORS', async () => {
    const res = await scan('/.well-known/gs1resolver', 'text/html');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toMatchObject({
      resolverRoot: server().url,
      supportedPrimaryKeys: expect.arrayContaining(['01', '00', '414']),
    });
    const preflight = await fetch(`${server().url}/01/${GTIN}`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
  });
});

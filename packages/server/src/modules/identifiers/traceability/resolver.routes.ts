import { DIGITAL_LINK_KEY_AIS, gs1ProductOf } from '@zhizao/domain';
import { decompressDigitalLink, parseDigitalLinkStrict } from '@zhizao/domain/identifiers/traceability/digital-link-toolkit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, requestLocale } from '../../../platform/errors.ts';
import { digitalLinkLinks, handleLinks, linkFor, linksetOf, pathOf, type ItemLinks } from './linkset.ts';

// Scanning a product's QR code. A GS1 Digital Link (`/01/<gtin>/10/<lot>/21/<serial>`, `/00/<sscc>`, `/414/<gln>`, …
// every primary key) is answered as a GS1-Conformant Resolver does (Resolver Standard 1.1 §5–6): a link that is not a
// valid Digital Link is refused with 400; `linkType=all` (or `linkset`, or Accept: application/linkset+json) answers
// the item's linkset; otherwise 307 to the requested link type or the default link, the query string passed on and a
// `Link` header to the linkset. The node's resolver URL (`https://<host>/<handle>`, as hdl.handle.net writes it)
// redirects with 302 like hdl.handle.net, and has a linkset too. A browser's plain request goes to the web's trace
// page, any other client's to the JSON. These routes are specific, so they win over the web app's `/*` fallback.

const LINKSET_TYPE = 'application/linkset+json';
const wantsPage = (request: FastifyRequest) => /text\/html/i.test(request.headers.accept ?? '');
const wantsLinkset = (request: FastifyRequest, linkType: string | undefined) =>
  linkType === 'all' || linkType === 'linkset' || (!linkType && (request.headers.accept ?? '').includes(LINKSET_TYPE));

const queryOf = (request: FastifyRequest) => {
  const at = request.url.indexOf('?');
  return at < 0 ? '' : request.url.slice(at + 1);
};
const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The query string without `linkType`, which only chooses the link (Resolver Standard 1.1 §5.3). */
function passedOn(query: string): string {
  const params = new URLSearchParams(query);
  params.delete('linkType');
  return params.toString();
}

function answer(request: FastifyRequest, reply: FastifyReply, item: ItemLinks, query: string, status: 302 | 307) {
  const linkType = new URLSearchParams(query).get('linkType') ?? undefined;
  const linksetUrl = `${item.anchor}?linkType=linkset`;
  reply.header('access-control-allow-origin', '*').header('vary', 'Accept');
  if (wantsLinkset(request, linkType))
    return reply
      .code(200)
      .type(LINKSET_TYPE)
      .send(JSON.stringify(linksetOf(item)));
  const sameAs = reply.getHeader('link');
  reply.header('link', [sameAs, `<${linksetUrl}>; rel="linkset"; type="${LINKSET_TYPE}"`].filter(Boolean).join(', '));
  const link = !linkType && !wantsPage(request) ? item.links['https://gs1.org/voc/traceability']![1]! : linkFor(item, linkType);
  const rest = passedOn(query);
  // the JSON target takes the whole link as `id`; any other target gets the query string itself
  const target =
    link.type === 'application/json' && link.href.includes('/api/trace?') ? jsonTarget(link.href, rest) : withQuery(link.href, rest);
  return reply.redirect(target, status);
}

const withQuery = (href: string, query: string) => (query ? `${href}${href.includes('?') ? '&' : '?'}${query}` : href);
function jsonTarget(href: string, query: string): string {
  if (!query) return href;
  const url = new URL(href);
  url.searchParams.set('id', `${url.searchParams.get('id')}?${query}`);
  return url.toString();
}

export function registerResolverRoutes(app: FastifyInstance, ctx: AppContext): void {
  const hidden = { schema: { hide: true } };

  const resolveDigitalLink = async (request: FastifyRequest, reply: FastifyReply) => {
    let path = request.url.split('?')[0]!;
    let query = queryOf(request);
    let parsed = parseDigitalLinkStrict(path, query);
    // only what is not a Digital Link as written is tried as a compressed one: a GIAI or serial may look like base64
    const decompressed = parsed.ok ? null : decompressDigitalLink(path, query);
    if (decompressed) {
      // a compressed link is answered in place, its uncompressed form named (Resolver Standard 1.1 §6.4)
      reply.header('link', `<https://id.gs1.org${decompressed.path}>; rel="owl:sameAs"`);
      ({ path, query } = decompressed);
      parsed = parseDigitalLinkStrict(path, query);
    }
    if (!parsed.ok) throw new AppError(400, parsed.problem.code, parsed.problem.params);
    const { link } = parsed;
    const product = gs1ProductOf(`https://id.gs1.org${link.path}`).replace('https://id.gs1.org', '');
    const item = digitalLinkLinks(origin(request), link.path, product, requestLocale(request));
    return answer(request, reply, item, query, 307);
  };
  for (const ai of DIGITAL_LINK_KEY_AIS) app.get(`/${ai}/*`, hidden, resolveDigitalLink);

  app.get<{ Params: { prefix: string; '*': string } }>('/:prefix(^\\d+\\.[0-9A-Za-z.]+$)/*', hidden, async (request, reply) => {
    const handle = `${request.params.prefix}/${request.params['*']}`;
    const query = queryOf(request);
    const linkType = new URLSearchParams(query).get('linkType') ?? undefined;
    if (!linkType && !(request.headers.accept ?? '').includes(LINKSET_TYPE))
      return reply.redirect(wantsPage(request) ? `/trace/${pathOf(handle)}` : `/api/trace?id=${encodeURIComponent(handle)}`, 302);
    const item = await handleLinks(ctx, origin(request), handle, requestLocale(request));
    if (!item) throw new AppError(404, 'traceability.unknownIdentifier', {}, 'id');
    return answer(request, reply, item, query, 302);
  });

  // CORS preflight for scanner web apps on other origins (Resolver Standard 1.1 §6: GET, HEAD, OPTIONS, CORS)
  for (const path of [...DIGITAL_LINK_KEY_AIS.map((ai) => `/${ai}/*`), '/.well-known/gs1resolver'])
    app.options(path, hidden, async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
        .header('access-control-allow-headers', 'accept, accept-language')
        .header('access-control-max-age', '86400')
        .send(),
    );

  // the resolver's description (Resolver Standard 1.1 §6.6), as GS1's own resolver publishes it
  app.get('/.well-known/gs1resolver', hidden, async (request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .type('application/json')
      .send({
        name: '智造平台标识解析二级节点 GS1 Digital Link resolver',
        resolverRoot: origin(request),
        supportedPrimaryKeys: DIGITAL_LINK_KEY_AIS,
        supportedLinkType: [{ namespace: 'https://gs1.org/voc/', prefix: 'gs1:', profile: 'https://gs1.org/voc/?show=linktypes' }],
        linkTypeDefaultCanBeLinkset: true,
        linkTypeDefaultCanBeAll: true,
      }),
  );
}

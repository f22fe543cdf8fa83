import { isPublic, type Locale } from '@zhizao/domain';
import type { AppContext } from '../../../platform/context.ts';
import { findIdentifier } from '../repo.ts';

// The links the node has for one item, as an RFC 9264 linkset keyed by GS1 Web Vocabulary link types (GS1-Conformant
// Resolver Standard 1.1 §5: `linkType=all` answers it as application/linkset+json; every other request redirects to
// one of these links). Built from what the platform holds: the trace page and its JSON, the EPCIS events of a GS1
// key, the identifier record of a handle and the enterprise's own URL values on it.

export const GS1_VOC = 'https://gs1.org/voc/';

export interface Link {
  href: string;
  title: string;
  type: string;
  hreflang?: string[];
}

export interface ItemLinks {
  anchor: string;
  /** link type (full GS1 vocabulary URI) → links; the first of `defaultLink` is where a plain request goes. */
  links: Record<string, Link[]>;
}

const TITLES = {
  trace: { 'zh-CN': '产品追溯', en: 'Product trace' },
  traceJson: { 'zh-CN': '追溯数据（JSON）', en: 'Trace data (JSON)' },
  epcis: { 'zh-CN': 'EPCIS 事件', en: 'EPCIS events' },
  product: { 'zh-CN': '产品信息', en: 'Product information' },
  record: { 'zh-CN': '标识记录', en: 'Identifier record' },
  page: { 'zh-CN': '企业提供的信息页', en: "The enterprise's page" },
} satisfies Record<string, Record<Locale, string>>;

/** Each path segment percent-encoded, the slashes kept. */
export const pathOf = (text: string) => text.split('/').map(encodeURIComponent).join('/');

function traceLinks(origin: string, id: string, pagePath: string, locale: Locale) {
  const page: Link = { href: `${origin}/trace/${pagePath}`, title: TITLES.trace[locale], type: 'text/html', hreflang: ['zh', 'en'] };
  const json: Link = {
    href: `${origin}/api/trace?id=${encodeURIComponent(id)}`,
    title: TITLES.traceJson[locale],
    type: 'application/json',
  };
  return { page, json };
}

/**
 * A GS1 key's links: the trace page (the default), its JSON, the EPCIS events with it, and — for a batch or an
 * instance — the product's own page. `path` is the canonical Digital Link path (`/01/…/21/…`).
 */
export function digitalLinkLinks(origin: string, path: string, productPath: string | null, locale: Locale): ItemLinks {
  const { page, json } = traceLinks(origin, path.slice(1), path.slice(1), locale);
  const links: Record<string, Link[]> = {
    [`${GS1_VOC}defaultLink`]: [page],
    [`${GS1_VOC}traceability`]: [page, json],
    [`${GS1_VOC}epcis`]: [
      {
        href: `${origin}/epcis/events?MATCH_anyEPC=${encodeURIComponent(`https://id.gs1.org${path}`)}`,
        title: TITLES.epcis[locale],
        type: 'application/ld+json',
      },
    ],
  };
  if (productPath && productPath !== path)
    links[`${GS1_VOC}pip`] = [{ href: `${origin}/trace${productPath}`, title: TITLES.product[locale], type: 'text/html' }];
  return { anchor: `${origin}${path}`, links };
}

/** A handle's links, or null when the node holds no such identifier: trace page, record, and its public URL values. */
export async function handleLinks(ctx: AppContext, origin: string, handle: string, locale: Locale): Promise<ItemLinks | null> {
  const record = await findIdentifier(ctx.db, handle);
  if (!record) return null;
  const { page, json } = traceLinks(origin, record.handle, pathOf(record.handle), locale);
  const links: Record<string, Link[]> = {
    [`${GS1_VOC}defaultLink`]: [page],
    [`${GS1_VOC}traceability`]: [page, json],
    [`${GS1_VOC}masterData`]: [
      { href: `${origin}/api/handles/${pathOf(record.handle)}`, title: TITLES.record[locale], type: 'application/json' },
    ],
  };
  // URL values (type URL or a subtype URL.x, Handle.Net's convention) are the enterprise's own pages on the product
  const pages = record.values
    .filter((v) => isPublic(v) && /^URL(\.|$)/i.test(v.type) && typeof v.data.value === 'string' && /^https?:\/\//i.test(v.data.value))
    .map((v): Link => ({ href: v.data.value as string, title: TITLES.page[locale], type: 'text/html' }));
  if (pages.length) links[`${GS1_VOC}pip`] = pages;
  return { anchor: `${origin}/${pathOf(record.handle)}`, links };
}

/** The linkset document (RFC 9264 §4.2 JSON form). */
export const linksetOf = (item: ItemLinks) => ({ linkset: [{ anchor: item.anchor, ...item.links }] });

/** The link of a requested type (`gs1:pip` or the full URI), else the default link. */
export function linkFor(item: ItemLinks, linkType: string | undefined): Link {
  const type = linkType?.replace(/^gs1:/, GS1_VOC);
  return (type && item.links[type]?.[0]) || item.links[`${GS1_VOC}defaultLink`]![0]!;
}

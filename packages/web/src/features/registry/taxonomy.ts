import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider.tsx';
import type { TaxonomyEntry } from './api.ts';
import { useTaxonomy } from './queries.ts';

/** Code → name in the current language, for districts, chains and clusters; unknown codes show as is. */
export function useTaxonomyNames() {
  const { pick } = useI18n();
  const { data } = useTaxonomy();
  return useMemo(() => {
    const index = (entries: TaxonomyEntry[] = []) => new Map(entries.map((e) => [e.code, pick({ zh: e.nameZh, en: e.nameEn })]));
    const districts = index(data?.districts);
    const chains = index(data?.chains);
    const clusters = index(data?.clusters);
    return {
      district: (code: string | null) => (code ? (districts.get(code) ?? code) : ''),
      chain: (code: string) => chains.get(code) ?? code,
      cluster: (code: string | null) => (code ? (clusters.get(code) ?? code) : ''),
    };
  }, [data, pick]);
}

/** Select options for the taxonomy, in the current language. */
export function useTaxonomyOptions() {
  const { pick } = useI18n();
  const query = useTaxonomy();
  const options = useMemo(() => {
    const toOptions = (entries: TaxonomyEntry[] = []) =>
      entries.map((e) => ({ value: e.code, label: pick({ zh: e.nameZh, en: e.nameEn }) }));
    return {
      districts: toOptions(query.data?.districts),
      chains: toOptions(query.data?.chains),
      clusters: toOptions(query.data?.clusters),
    };
  }, [query.data, pick]);
  return { ...options, loading: query.isPending };
}

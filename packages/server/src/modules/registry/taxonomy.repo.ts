import type { TaxonomyCodes } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';

export async function loadTaxonomy(db: Executor) {
  const [districts, chains, clusters] = await Promise.all([
    db.selectFrom('district').selectAll().orderBy('sortOrder').execute(),
    db.selectFrom('industryChain').selectAll().orderBy('sortOrder').execute(),
    db.selectFrom('industryCluster').selectAll().orderBy('sortOrder').execute(),
  ]);
  return {
    districts,
    chains: chains.map((c) => ({ ...c, isDemo: c.isDemo === 1 })),
    clusters: clusters.map((c) => ({ ...c, isDemo: c.isDemo === 1 })),
  };
}
export type Taxonomy = Awaited<ReturnType<typeof loadTaxonomy>>;

export async function loadTaxonomyCodes(db: Executor): Promise<TaxonomyCodes> {
  const t = await loadTaxonomy(db);
  return {
    districtCodes: new Set(t.districts.map((d) => d.code)),
    chainCodes: new Set(t.chains.map((c) => c.code)),
    clusterCodes: new Set(t.clusters.map((c) => c.code)),
  };
}

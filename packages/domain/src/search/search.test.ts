import { describe, expect, it } from 'vitest';
import { checkConstraints, regionWithin, type DemandConstraints, type ResourceConstraints } from './constraints.ts';
import { highlight, MatchIndex, matchDemands, matchResources, type DemandEntry, type ResourceEntry } from './matching.ts';
import { TextIndex } from './text-index.ts';
import { contentTerms, indexTerms, queryTerms } from './tokenizer.ts';

const anyDemand: DemandConstraints = { budget: null, minReadinessLevel: null, cooperationModes: [], regionCodes: [] };
const silentResource: ResourceConstraints = { price: null, readinessLevel: null, cooperationModes: [], regionCode: null };

const resource = (id: number, title: string, description: string, extra: Partial<ResourceEntry> = {}): ResourceEntry => ({
  id,
  title,
  description,
  keywords: [],
  chainCodes: [],
  tags: [],
  ...silentResource,
  ...extra,
});
const demand = (extra: Partial<DemandEntry> = {}): DemandEntry => ({
  id: 1,
  title: '碳纤维预浸料自动铺放工艺',
  description: '我司需要提升碳纤维钓竿的预浸料铺放效率，寻求自动铺放设备与工艺合作。',
  keywords: ['碳纤维', '自动铺放'],
  chainCodes: ['OUTDOOR'],
  tags: ['composites'],
  ...anyDemand,
  ...extra,
});

describe('tokenizer', () => {
  it('keeps the chains’ compounds whole and still yields their parts, and drops stop words for matching', () => {
    expect(queryTerms('碳纤维预浸料')).toEqual(['碳纤维预浸料']);
    expect(indexTerms('碳纤维预浸料')).toEqual(expect.arrayContaining(['碳纤维', '预浸料', '碳纤维预浸料']));
    expect(contentTerms('我司需要提升海洋牧场平台的技术')).toEqual(['海洋牧场平台']);
  });
});

describe('text index', () => {
  it('finds documents holding every word or all its parts, and forgets a removed or replaced version exactly', () => {
    const index = new TextIndex({ name: 1, products: 1 });
    index.put(1, { name: '威海精密机械有限公司', products: '齿轮箱' });
    index.put(2, { name: '威海海洋食品有限公司', products: '即食海参' });
    expect([...index.matchingAll('精密 齿轮箱')]).toEqual([1]);
    expect([...index.matchingAll('机械制造')]).toEqual([]); // 制造 is nowhere
    expect([...index.matchingAll('威海')].sort()).toEqual([1, 2]);
    index.put(1, { name: '威海精密机械有限公司', products: '法兰' });
    expect([...index.matchingAll('齿轮箱')]).toEqual([]);
    index.remove(2);
    expect([...index.matchingAll('海参')]).toEqual([]);
    expect(index.size).toBe(1);
  });
});

describe('constraints', () => {
  it('checks budget, readiness, mode and region, and a silent resource is unknown, never failed', () => {
    const asks: DemandConstraints = {
      budget: { min: 100_000, max: 500_000 },
      minReadinessLevel: 6,
      cooperationModes: ['licence', 'joint_development'],
      regionCodes: ['370000'],
    };
    const outcomes = (r: ResourceConstraints) => checkConstraints(asks, r).map((c) => `${c.key}:${c.outcome}`);
    expect(
      outcomes({ price: { min: 300_000, max: 800_000 }, readinessLevel: 7, cooperationModes: ['licence'], regionCode: '371002' }),
    ).toEqual(['budget:passed', 'readinessLevel:passed', 'cooperationMode:passed', 'region:passed']);
    expect(
      outcomes({ price: { min: 600_000, max: null }, readinessLevel: 4, cooperationModes: ['purchase'], regionCode: '320102' }),
    ).toEqual(['budget:failed', 'readinessLevel:failed', 'cooperationMode:failed', 'region:failed']);
    expect(outcomes(silentResource)).toEqual(['budget:unknown', 'readinessLevel:unknown', 'cooperationMode:unknown', 'region:unknown']);
    expect(checkConstraints(anyDemand, silentResource).every((c) => c.outcome === 'passed')).toBe(true);
    expect([regionWithin('371002', '371000'), regionWithin('371002', '371003'), regionWithin('371002', '370000')]).toEqual([
      true,
      false,
      true,
    ]);
  });
});

describe('matching', () => {
  const resources = new MatchIndex<ResourceEntry>();
  resources.put(
    resource(30, '碳纤维预浸料自动铺放设备', '面向钓竿与复合材料制品的自动铺放工艺', {
      chainCodes: ['OUTDOOR'],
      tags: ['composites'],
      readinessLevel: 7,
    }),
  );
  resources.put(resource(20, '碳纤维预浸料自动铺放设备', '面向钓竿与复合材料制品的自动铺放工艺', { readinessLevel: 3 }));
  resources.put(resource(10, '碳纤维预浸料自动铺放设备', '面向钓竿与复合材料制品的自动铺放工艺', { readinessLevel: 3 }));
  resources.put(resource(40, '海参肽酶解', '海洋食品精深加工'));

  it('ranks by text, chain and tags, explains each part, and breaks ties by id', () => {
    const [first, second, third, ...rest] = matchResources(demand(), resources);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ id: 30, sharedChains: ['OUTDOOR'], sharedTags: ['composites'], eligible: true });
    expect(first!.score.chain).toBeGreaterThan(0);
    expect(first!.score.total).toBeCloseTo(first!.score.text + first!.score.chain + first!.score.tags, 5);
    expect(first!.matchedTerms).toContainEqual({ term: '碳纤维预浸料', fields: ['title'] });
    expect([second!.id, third!.id]).toEqual([10, 20]); // the same text: the lower id first
    expect(second!.score).toEqual(third!.score);
  });

  it('leaves out candidates failing a hard constraint unless asked, and then ranks them last with the failure named', () => {
    const picky = demand({ minReadinessLevel: 6 });
    expect(matchResources(picky, resources).map((m) => m.id)).toEqual([30]);
    const all = matchResources(picky, resources, { includeFailing: true });
    expect(all.map((m) => [m.id, m.eligible])).toEqual([
      [30, true],
      [10, false],
      [20, false],
    ]);
    expect(all[1]!.constraints.find((c) => c.key === 'readinessLevel')).toEqual({
      key: 'readinessLevel',
      outcome: 'failed',
      demand: 6,
      resource: 3,
    });
    expect(matchResources(demand(), resources, { sameChainOnly: true }).map((m) => m.id)).toEqual([30]);
  });

  it('matches the other way round, a resource to demands, with the same constraints', () => {
    const demands = new MatchIndex<DemandEntry>();
    demands.put(demand({ id: 5 }));
    demands.put(demand({ id: 6, minReadinessLevel: 9 }));
    expect(matchDemands(resources.get(30)!, demands).map((m) => m.id)).toEqual([5]);
  });

  it('cuts a text into highlighted runs', () => {
    expect(highlight('碳纤维预浸料与碳纤维', ['碳纤维', '碳纤维预浸料'])).toEqual([
      { text: '碳纤维预浸料', matched: true },
      { text: '与', matched: false },
      { text: '碳纤维', matched: true },
    ]);
  });
});

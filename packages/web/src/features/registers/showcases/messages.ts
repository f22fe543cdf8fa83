import type { Catalog } from '../../../app/i18n/types.ts';

export const showcaseMessages = {
  'showcases.coverage.title': { zh: '示范标杆覆盖', en: 'Showcase coverage' },
  'showcases.coverage.hint': {
    zh: '每条产业链都有标杆、每个行业都有示范、每个细分领域都有样板',
    en: 'Every chain a benchmark, every sector a demonstration, every niche a model',
  },
  'showcases.coverage.chains': { zh: '已有标杆的产业链', en: 'Chains with a showcase' },
  'showcases.coverage.segments': { zh: '已有样板的细分领域', en: 'Segments with a showcase' },
  'showcases.coverage.chain': { zh: '产业链', en: 'Chain' },
  'showcases.coverage.state': { zh: '状态', en: 'State' },
  'showcases.coverage.segmentList': { zh: '细分领域', en: 'Segments' },
  'showcases.coverage.covered': { zh: '已有示范', en: 'Covered' },
  'showcases.coverage.candidate': { zh: '培育中', en: 'Candidate only' },
  'showcases.coverage.gap': { zh: '空白', en: 'Gap' },
  'showcases.coverage.noSegment': { zh: '尚无任何示范案例', en: 'No showcase yet' },
  'showcases.coverage.candidates': { zh: '{count} 个培育中案例', en: '{count} candidate(s)' },
} as const satisfies Catalog;

import type { Bilingual, Locale } from '@zhizao/domain';
import type { Report } from './report.service.ts';

// The report as a document, independent of the file format: the Word and the PDF export render the
// same title, facts, tables and notes, in the caller's language.

export type FullReport = Report & {
  levels: NonNullable<Report['levels']>;
  radar: NonNullable<Report['radar']>;
  advice: NonNullable<Report['advice']>;
  peers: NonNullable<Report['peers']>;
  history: NonNullable<Report['history']>;
};

export interface ReportTable {
  columns: string[];
  /** Relative column widths. */
  widths: number[];
  rows: string[][];
}

export interface ReportSection {
  heading: string;
  note?: string;
  table: ReportTable;
  /** The radar's data, for formats that can draw it (the PDF). */
  radar?: { label: string; score: number | null }[];
}

export interface ReportDocument {
  title: string;
  facts: [string, string][];
  /** Between a label and its value: '：' in Chinese, ': ' in English. */
  colon: string;
  notices: string[];
  sections: ReportSection[];
  fileName: string;
  asciiFileName: string;
}

const T = {
  title: { zh: '智能制造能力成熟度自诊断报告', en: 'Smart-manufacturing capability maturity self-diagnosis report' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  district: { zh: '所在区（市）', en: 'District' },
  chains: { zh: '产业链', en: 'Industry chains' },
  type: { zh: '制造类型', en: 'Manufacturing type' },
  model: { zh: '模型版本', en: 'Model version' },
  submitted: { zh: '提交时间', en: 'Submitted' },
  level: { zh: '成熟度等级', en: 'Maturity level' },
  score: { zh: '总分（0–5）', en: 'Total score (0–5)' },
  reference: {
    zh: '本报告为智造平台自诊断参考结果，不代替经认可的评估机构按 GB/T 39117 开展的正式评估。',
    en: 'This report is a self-diagnosis reference result of Zhizao; it does not replace a formal assessment to GB/T 39117 by a recognised assessment body.',
  },
  provisional: { zh: '暂定结果：', en: 'Provisional result: ' },
  levels: { zh: '各等级得分', en: 'Score of every level' },
  levelCol: { zh: '等级', en: 'Level' },
  scoreCol: { zh: '得分', en: 'Score' },
  passedCol: { zh: '是否达到（≥{t}）', en: 'Reached (≥ {t})' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  domains: { zh: '能力域得分（{level}）', en: 'Domain scores ({level})' },
  domainsNote: {
    zh: '雷达图与条形显示目标等级下各能力域的得分（0–1）。',
    en: "The radar and the bars show each domain's score (0–1) at the level being worked towards.",
  },
  domainCol: { zh: '能力域', en: 'Domain' },
  weightCol: { zh: '权重', en: 'Weight' },
  barCol: { zh: '得分条', en: 'Bar' },
  gaps: { zh: '差距清单与改进建议（目标：{level}）', en: 'Gap list and advice (target: {level})' },
  gapsNote: {
    zh: '按加权差距排序：完成前 {n} 项即可使目标等级得分达到 {t}。当前得分 {score}。',
    en: 'Ordered by weighted shortfall: the first {n} items lift the target level’s score to {t}. Current score {score}.',
  },
  gapsNoteUnreached: { zh: '按加权差距排序。当前得分 {score}。', en: 'Ordered by weighted shortfall. Current score {score}.' },
  gapsNone: { zh: '已达到最高等级，没有差距项。', en: 'The highest level is reached; there are no gaps.' },
  noCol: { zh: '序号', en: '#' },
  subDomainCol: { zh: '能力子域', en: 'Sub-domain' },
  requirementCol: { zh: '要求', en: 'Requirement' },
  currentCol: { zh: '现状', en: 'Now' },
  gainCol: { zh: '可提升', en: 'Gain' },
  adviceCol: { zh: '改进建议', en: 'Advice' },
  unanswered: { zh: '未作答', en: 'unanswered' },
  peers: { zh: '同行比较', en: 'Peer comparison' },
  peersNote: {
    zh: '同组其他企业最近一次已提交自诊断的总分；百分位为得分低于本企业的同行占比（并列计一半）。不足 {min} 家的组不显示，以免推知单个企业的得分。',
    en: "Total scores of the latest submitted self-diagnosis of the other enterprises in each group; the percentile is the share of peers scoring below this enterprise (ties count half). Groups of fewer than {min} are not shown, so that no single enterprise's score can be inferred.",
  },
  groupCol: { zh: '比较组', en: 'Group' },
  sizeCol: { zh: '企业数', en: 'Enterprises' },
  averageCol: { zh: '平均分', en: 'Average' },
  percentileCol: { zh: '百分位', en: 'Percentile' },
  tooFew: { zh: '不足 {min} 家，不显示', en: 'fewer than {min}, not shown' },
  kindChain: { zh: '产业链', en: 'Chain' },
  kindDistrict: { zh: '区（市）', en: 'District' },
  kindType: { zh: '制造类型', en: 'Type' },
  history: { zh: '历次自诊断', en: 'Past self-diagnoses' },
  dateCol: { zh: '日期', en: 'Date' },
  modelCol: { zh: '模型版本', en: 'Model' },
  fileName: { zh: '成熟度自诊断报告', en: 'maturity-report' },
} satisfies Record<string, Bilingual>;

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
const fixed = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '—' : x.toFixed(digits));
/** The date in China (UTC+8), as the bureau reads it. */
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
const chinaMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
/** A text bar of ten cells for a 0–1 score. */
export const bar = (score: number | null) =>
  score === null ? '' : '█'.repeat(Math.round(score * 10)) + '░'.repeat(10 - Math.round(score * 10));

export const PEER_MIN = 5;

export function reportDocument(report: FullReport, locale: Locale): ReportDocument {
  const t = (b: Bilingual, params: Record<string, string | number> = {}) => fill(locale === 'en' ? b.en : b.zh, params);
  const levelName = (n: number) => t(report.levels.find((l) => l.level === n)?.name ?? report.level.name);
  const threshold = report.advice.threshold;
  const facts: [string, string][] = [
    [t(T.enterprise), report.enterprise.name],
    [t(T.district), t(report.enterprise.district.name)],
    ...(report.enterprise.chains.length
      ? [[t(T.chains), report.enterprise.chains.map((c) => t(c.name)).join(locale === 'en' ? ', ' : '、')] as [string, string]]
      : []),
    [t(T.type), t(report.manufacturingType === 'process' ? { zh: '流程型', en: 'Process' } : { zh: '离散型', en: 'Discrete' })],
    [t(T.model), `${t(report.model.name)} (${report.model.id})`],
    [t(T.submitted), chinaMinute(report.submittedAt)],
    [t(T.level), t(report.level.name)],
    [t(T.score), fixed(report.totalScore)],
  ];
  const notices = [t(T.reference)];
  if (report.model.provisional) notices.unshift(t(T.provisional) + (report.model.provisionalNote ? t(report.model.provisionalNote) : ''));

  const a = report.advice;
  const gapNote =
    a.targetLevel === null
      ? t(T.gapsNone)
      : a.reachesThresholdAfter !== null
        ? t(T.gapsNote, { n: a.reachesThresholdAfter, t: threshold, score: fixed(a.currentScore) })
        : t(T.gapsNoteUnreached, { score: fixed(a.currentScore) });
  const sections: ReportSection[] = [
    {
      heading: t(T.levels),
      table: {
        columns: [t(T.levelCol), t(T.scoreCol), t(T.passedCol, { t: threshold })],
        widths: [3, 2, 2],
        rows: report.levels.map((l) => [t(l.name), fixed(l.score), t(l.passed ? T.yes : T.no)]),
      },
    },
    {
      heading: t(T.domains, { level: levelName(report.radar.level) }),
      note: t(T.domainsNote),
      table: {
        columns: [t(T.domainCol), t(T.weightCol), t(T.scoreCol), t(T.barCol)],
        widths: [3, 1.2, 1.2, 2.6],
        rows: report.radar.domains.map((d) => [t(d.name), fixed(d.weight), fixed(d.score), bar(d.score)]),
      },
      radar: report.radar.domains.map((d) => ({ label: t(d.name), score: d.score })),
    },
    {
      heading: a.targetLevel === null ? t(T.gaps, { level: '—' }) : t(T.gaps, { level: levelName(a.targetLevel) }),
      note: gapNote,
      table: {
        columns: [t(T.noCol), t(T.subDomainCol), t(T.requirementCol), t(T.currentCol), t(T.gainCol), t(T.adviceCol)],
        widths: [0.6, 1.6, 3.4, 0.9, 0.9, 3.4],
        rows: a.gaps.map((g, i) => [
          String(i + 1),
          `${g.domainName} / ${g.subDomainName}`,
          g.text,
          g.value === null ? t(T.unanswered) : fixed(g.value, 1),
          fixed(g.gain, 3),
          g.advice,
        ]),
      },
    },
    {
      heading: t(T.peers),
      note: t(T.peersNote, { min: PEER_MIN }),
      table: {
        columns: [t(T.groupCol), t(T.sizeCol), t(T.averageCol), t(T.percentileCol)],
        widths: [3, 1.2, 1.2, 1.6],
        rows: report.peers.map((p) => {
          const kind = t(p.kind === 'chain' ? T.kindChain : p.kind === 'district' ? T.kindDistrict : T.kindType);
          const group = `${kind}${locale === 'en' ? ': ' : '：'}${t(p.name)}`;
          return p.hidden
            ? [group, String(p.size), t(T.tooFew, { min: PEER_MIN }), '—']
            : [group, String(p.size), fixed(p.average), `${fixed(p.percentile, 0)}%`];
        }),
      },
    },
    {
      heading: t(T.history),
      table: {
        columns: [t(T.dateCol), t(T.modelCol), t(T.levelCol), t(T.scoreCol)],
        widths: [2, 2, 3, 1.5],
        rows: report.history.map((h) => [chinaDay(h.submittedAt), h.modelVersion, t(h.levelName), fixed(h.totalScore)]),
      },
    },
  ];
  const day = chinaDay(report.submittedAt);
  return {
    title: t(T.title),
    facts,
    colon: locale === 'en' ? ': ' : '：',
    notices,
    sections,
    fileName: `${report.enterprise.name}-${t(T.fileName)}-${day}`,
    asciiFileName: `maturity-report-${report.id}-${day}`,
  };
}

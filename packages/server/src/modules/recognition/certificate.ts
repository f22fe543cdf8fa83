import {
  RECOGNITION_KIND_LABELS,
  RECOGNITION_LEVEL_LABELS,
  type Locale,
  type RecognitionKind,
  type RecognitionLevel,
} from '@zhizao/domain';
import type { ReportDocument } from '../maturity/export.content.ts';
import { reportPdf } from '../maturity/export.pdf.ts';
import type { RecognitionView } from './recognitions.service.ts';

// The certificate (issue 4 part 6) as a PDF, drawn by the maturity report's renderer (pdfkit with the
// embedded Noto Sans SC), so it never depends on the machine's fonts.

const T = {
  number: { zh: '证书编号', en: 'Certificate number' },
  enterprise: { zh: '企业名称', en: 'Enterprise' },
  project: { zh: '项目名称', en: 'Project' },
  level: { zh: '认定层级', en: 'Level' },
  kind: { zh: '认定类别', en: 'Category' },
  date: { zh: '认定日期', en: 'Recognised on' },
  due: { zh: '下次复评', en: 'Next re-evaluation' },
  status: { zh: '状态', en: 'Status' },
  active: { zh: '有效', en: 'In force' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  body: {
    zh: '经企业申报、区市初审、市级复审、专家评审和社会公示，认定上述项目为{level}{kind}。认定实行动态管理，每两年复评一次。',
    en: 'After application, district and city review, expert scoring and public notice, the project above is recognised as a {level} {kind}. Recognition is reviewed every two years.',
  },
  issuer: { zh: '威海市工业和信息化局', en: 'Weihai Municipal Bureau of Industry and Information Technology' },
};

export function certificateDocument(r: RecognitionView, locale: Locale): ReportDocument {
  const l = locale === 'en' ? 'en' : 'zh';
  const level = RECOGNITION_LEVEL_LABELS[r.level as RecognitionLevel]?.[l] ?? r.level;
  const kind = RECOGNITION_KIND_LABELS[r.kind as RecognitionKind]?.[l] ?? r.kind;
  const title = l === 'zh' ? `${level}${kind}认定证书` : `Certificate: ${level} ${kind}`;
  return {
    title,
    colon: l === 'zh' ? '：' : ': ',
    facts: [
      [T.number[l], r.recognitionNumber],
      [T.enterprise[l], r.enterpriseName],
      [T.project[l], r.projectName],
      [T.level[l], level],
      [T.kind[l], kind],
      [T.date[l], r.recognisedOn],
      [T.due[l], r.reevaluationDue],
      [T.status[l], r.status === 'active' ? T.active[l] : T.revoked[l]],
    ],
    notices: [T.body[l].replace('{level}', level).replace('{kind}', kind), T.issuer[l]],
    sections: [],
    fileName: `${r.recognitionNumber}.pdf`,
    asciiFileName: `${r.recognitionNumber}.pdf`,
  };
}

export const certificatePdf = (r: RecognitionView, locale: Locale): Promise<Buffer> => reportPdf(certificateDocument(r, locale));

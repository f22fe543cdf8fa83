import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import { reportDocument, type FullReport } from './export.content.ts';
import { reportDocx } from './export.docx.ts';
import { reportPdf } from './export.pdf.ts';
import { reportSchema, sharingSchema } from './report.schemas.ts';
import { buildFullReport, buildReport, setSharing } from './report.service.ts';

// The report of a submitted self-diagnosis: data for the web page, Word and PDF downloads, and the
// enterprise's choice to share the full report with the bureau.

const tags = ['maturity'];
type AssessmentParams = { Params: { id: number } };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';

const fileResponse = (description: string) => ({ 200: { description, type: 'string', format: 'binary' }, ...errorResponses }) as const;

function sendFile(reply: FastifyReply, type: string, fileName: string, asciiFallback: string, body: Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', attachment(fileName, asciiFallback))
    .header('cache-control', 'no-store')
    .send(body);
}

export function registerMaturityReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<AssessmentParams>(
    '/api/maturity/assessments/:id/report',
    {
      ...permissionFirst('maturity.assessment.read'),
      schema: {
        tags,
        summary:
          'The report of a submitted assessment: level, score, every level, domain radar, gap list, peers, history (the bureau: level and score only until shared)',
        params: idParams,
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (request) => buildReport(ctx.db, requireActor(request), request.params.id, requestLocale(request)),
  );

  for (const [format, type, render] of [
    ['docx', DOCX, reportDocx],
    ['pdf', PDF, reportPdf],
  ] as const) {
    app.get<AssessmentParams>(
      `/api/maturity/assessments/:id/report.${format}`,
      {
        ...permissionFirst('maturity.assessment.read'),
        schema: {
          tags,
          summary: `The full report as ${format === 'pdf' ? 'PDF (CJK font embedded)' : 'Word'}, in the caller’s language (403 for the bureau until shared)`,
          params: idParams,
          produces: [type],
          response: fileResponse(`A .${format} file`),
        },
      },
      async (request, reply) => {
        const locale = requestLocale(request);
        const report = (await buildFullReport(ctx.db, requireActor(request), request.params.id, locale)) as FullReport;
        const doc = reportDocument(report, locale);
        return sendFile(reply, type, `${doc.fileName}.${format}`, `${doc.asciiFileName}.${format}`, await render(doc));
      },
    );
  }

  app.post<AssessmentParams>(
    '/api/maturity/assessments/:id/share',
    {
      ...permissionFirst('maturity.assessment.write'),
      schema: {
        tags,
        summary:
          'Share the full report of a submitted assessment with the bureau (own enterprise only; audited; sharing again changes nothing)',
        params: idParams,
        response: { 200: sharingSchema, ...errorResponses },
      },
    },
    async (request) => setSharing(ctx, requireActor(request), auditActor(request), request.params.id, true),
  );

  app.delete<AssessmentParams>(
    '/api/maturity/assessments/:id/share',
    {
      ...permissionFirst('maturity.assessment.write'),
      schema: {
        tags,
        summary: 'Withdraw the sharing: the bureau sees level and score only again (audited)',
        params: idParams,
        response: { 200: sharingSchema, ...errorResponses },
      },
    },
    async (request) => setSharing(ctx, requireActor(request), auditActor(request), request.params.id, false),
  );
}

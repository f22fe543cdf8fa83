import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api/client.ts';
import { useAction } from '../../app/components/useAction.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { fetchAssessment, saveAnswers, submitAssessment, type AnswerInput, type AssessmentDetail, type Requirement } from './api.ts';
import { isAnswered } from './bank.ts';
import { maturityKeys } from './queries.ts';
import type { useAutosave } from './useAutosave.ts';

/**
 * Submitting: saves what is typed, counts unanswered items above the target level as not met (the
 * questionnaire does not ask them), then submits. If the server still finds gaps, `onMissing` gets them.
 */
export function useSubmit(
  detail: AssessmentDetail,
  scope: Requirement[],
  autosave: ReturnType<typeof useAutosave>,
  onMissing: (ids: string[]) => void,
) {
  const t = useT();
  const { modal, message } = App.useApp();
  const run = useAction();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const unanswered = (answers: Map<string, AnswerInput>) => scope.filter((r) => !isAnswered(answers.get(r.id)));

  const send = async () => {
    const above = unanswered(autosave.answers).filter((r) => r.level > detail.targetLevel);
    let version = autosave.version.current;
    if (above.length) {
      version = (
        await saveAnswers(
          detail.id,
          version,
          above.map((r) => ({ requirementId: r.id, value: 0 })),
        )
      ).version;
      autosave.version.current = version;
    }
    await submitAssessment(detail.id, version);
  };

  const explain = (error: unknown) => {
    if (!(error instanceof ApiError) || error.code !== 'maturity.incomplete') return false;
    void (async () => {
      const fresh = await queryClient.fetchQuery({
        queryKey: maturityKeys.detail(detail.id),
        queryFn: () => fetchAssessment(detail.id),
        staleTime: 0,
      });
      const stored = new Map(
        fresh.answers.map((a) => [a.requirementId, { ...a, naReason: a.naReason ?? undefined, note: a.note ?? undefined }] as const),
      );
      const missing = unanswered(stored).map((r) => r.id);
      void message.warning(t('maturity.submit.missing', { count: missing.length }));
      onMissing(missing);
    })();
    return true;
  };

  return async () => {
    if (!(await autosave.flush()) || autosave.hasUnsaved()) {
      void message.warning(t('maturity.submit.waitSave'));
      return;
    }
    const open = unanswered(autosave.answers);
    // What the questionnaire asks must be answered first; nothing is sent until it is.
    const asked = open.filter((r) => r.level <= detail.targetLevel).map((r) => r.id);
    if (asked.length) {
      void message.warning(t('maturity.submit.missing', { count: asked.length }));
      onMissing(asked);
      return;
    }
    const above = open.length;
    modal.confirm({
      title: t('maturity.submit'),
      content: [t('maturity.submit.confirm'), above ? t('maturity.submit.above', { count: above }) : ''].join(' '),
      okText: t('maturity.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const ok = await run(send, t('maturity.submit.done'), explain);
        await queryClient.invalidateQueries({ queryKey: maturityKeys.all });
        if (ok) void navigate(`/maturity/${detail.id}/report`);
      },
    });
  };
}

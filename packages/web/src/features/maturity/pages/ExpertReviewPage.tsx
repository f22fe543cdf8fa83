import '../maturity.css';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { fetchExpertReview, saveExpertAnswers, submitExpertReview, type ExpertReviewDetail, type ModelView } from '../api.ts';
import { domainOf, inScope, isAnswered, itemsByLevel, levelLabel } from '../bank.ts';
import { ConflictAlert } from '../components/ConflictAlert.tsx';
import { DomainNav } from '../components/DomainNav.tsx';
import { RequirementItem } from '../components/RequirementItem.tsx';
import { ResultComparison } from '../components/ResultComparison.tsx';
import { SaveStatus } from '../components/SaveStatus.tsx';
import { useMaturityLabels } from '../labels.ts';
import { maturityKeys, useExpertReview, useModel } from '../queries.ts';
import { useAnswerAutosave } from '../useAutosave.ts';

/** The expert's re-scoring (while assigned, for the expert) and the comparison with the self-assessment. */
export function ExpertReviewPage() {
  const id = Number(useParams().id);
  const detail = useExpertReview(id);
  const model = useModel(detail.data?.assessment.modelVersion);
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (model.isError) return <LoadError error={model.error} onRetry={() => void model.refetch()} />;
  if (!detail.data || !model.data) return <PageSkeleton rows={12} />;
  return <Review detail={detail.data} model={model.data} />;
}

/** The expert's answers autosave like the enterprise's, against the review's own version. */
function useExpertAutosave(detail: ExpertReviewDetail) {
  const id = detail.assessment.id;
  const queryClient = useQueryClient();
  return useAnswerAutosave({
    stored: detail.answers,
    version: detail.review.version,
    storageKey: null,
    save: (version, batch) => saveExpertAnswers(id, version, batch),
    refresh: async () =>
      (await queryClient.fetchQuery({ queryKey: maturityKeys.review(id), queryFn: () => fetchExpertReview(id), staleTime: 0 })).review
        .version,
    onSaved: () => queryClient.invalidateQueries({ queryKey: maturityKeys.review(id) }),
  });
}

function Review({ detail, model }: { detail: ExpertReviewDetail; model: ModelView }) {
  const { t, pick } = useI18n();
  const labels = useMaturityLabels();
  const { session } = useAuth();
  const { modal, message } = App.useApp();
  const run = useAction();
  const queryClient = useQueryClient();
  const editable = detail.review.status === 'assigned' && session?.user.role === 'expert';
  const autosave = useExpertAutosave(detail);
  const scope = useMemo(() => inScope(model), [model]);
  const selfOf = useMemo(() => new Map(detail.selfAnswers.map((a) => [a.requirementId, a])), [detail.selfAnswers]);
  const [selected, setSelected] = useState(() => model.definition.domains[0]?.subDomains[0]?.code ?? '');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const target = 5 as const; // the expert re-scores every item the server counts

  const counts = useMemo(() => {
    const domains = domainOf(model.definition);
    const counts = new Map<string, { items: number; answered: number }>();
    const add = (key: string, answered: boolean) => {
      const c = counts.get(key) ?? { items: 0, answered: 0 };
      counts.set(key, { items: c.items + 1, answered: c.answered + (answered ? 1 : 0) });
    };
    for (const r of scope) {
      const answered = isAnswered(autosave.answers.get(r.id));
      add(`s:${r.subDomainCode}`, answered);
      add(`d:${domains.get(r.subDomainCode) ?? ''}`, answered);
    }
    return counts;
  }, [scope, autosave.answers, model.definition]);

  const submit = async () => {
    if (!(await autosave.flush()) || autosave.hasUnsaved()) {
      void message.warning(t('maturity.submit.waitSave'));
      return;
    }
    const open = scope.filter((r) => !isAnswered(autosave.answers.get(r.id))).map((r) => r.id);
    if (open.length) {
      void message.warning(t('maturity.submit.missing', { count: open.length }));
      setMissing(new Set(open));
      const first = scope.find((r) => r.id === open[0]);
      if (first) setSelected(first.subDomainCode);
      return;
    }
    modal.confirm({
      title: t('maturity.expert.submit'),
      content: t('maturity.expert.submitConfirm'),
      okText: t('maturity.expert.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await run(() => submitExpertReview(detail.assessment.id, autosave.version.current), t('maturity.expert.submitDone'));
        await queryClient.invalidateQueries({ queryKey: maturityKeys.all });
      },
    });
  };

  // On site the expert usually confirms most of what the enterprise answered: start from its answers.
  const startFromSelf = () =>
    void run(async () => {
      const answers = detail.selfAnswers.map((a) => ({
        requirementId: a.requirementId,
        value: a.value,
        ...(a.naReason ? { naReason: a.naReason } : {}),
      }));
      const saved = await saveExpertAnswers(detail.assessment.id, autosave.version.current, answers);
      autosave.version.current = saved.version;
      await queryClient.invalidateQueries({ queryKey: maturityKeys.review(detail.assessment.id) });
    });

  const subDomain = model.definition.domains.flatMap((d) => d.subDomains).find((s) => s.code === selected);
  const groups = itemsByLevel(scope, selected, target);
  let index = 0;
  const self = (id: string) => {
    const a = selfOf.get(id);
    return a ? labels.answer(a.value) : labels.answer(undefined);
  };

  return (
    <Page
      title={t('maturity.expert.review')}
      subtitle={t('maturity.expert.reviewSubtitle', {
        enterprise: detail.assessment.enterpriseName,
        model: detail.assessment.modelVersion,
      })}
      crumbs={[{ title: t('maturity.expert.title'), to: '/maturity/expert-reviews' }, { title: detail.assessment.enterpriseName }]}
      extra={
        editable && (
          <>
            <SaveStatus status={autosave.status} onRetry={() => void autosave.flush()} />
            {detail.answers.length === 0 && detail.selfAnswers.length > 0 && (
              <Button onClick={startFromSelf} data-testid="start-from-self">
                {t('maturity.expert.startFromSelf')}
              </Button>
            )}
            <Button type="primary" onClick={() => void submit()} data-testid="submit-review">
              {t('maturity.expert.submit')}
            </Button>
          </>
        )
      }
    >
      <ResultComparison detail={detail} />
      {editable && (
        <>
          {autosave.status === 'conflict' && <ConflictAlert unsaved={autosave.unsaved} onReload={autosave.reload} />}
          {autosave.status === 'failed' && autosave.error && (
            <Alert type="error" showIcon title={autosave.error.message} style={{ marginBottom: 16 }} />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8} xl={6}>
              <Card size="small" title={t('maturity.q.nav')} styles={{ body: { padding: 4 } }}>
                <DomainNav model={model.definition} counts={counts} selected={selected} onSelect={setSelected} />
              </Card>
            </Col>
            <Col xs={24} lg={16} xl={18}>
              <Card title={subDomain ? pick(subDomain.name) : ''} data-testid="items" data-subdomain={selected}>
                {groups.length === 0 && <Typography.Text type="secondary">{t('maturity.q.noItems')}</Typography.Text>}
                {groups.map(([level, items]) => (
                  <section key={level} className="zz-maturity-level">
                    <Typography.Title level={5}>
                      {t('maturity.q.levelGroup', { level: levelLabel(model.definition, level, pick) })}
                    </Typography.Title>
                    {items.map((r) => (
                      <div key={r.id} data-testid="review-item" data-requirement={r.id}>
                        <Typography.Text type="secondary" data-testid="self-answer">
                          {t('maturity.expert.selfAnswer')}：{self(r.id)}
                          {selfOf.get(r.id)?.note ? ` · ${selfOf.get(r.id)!.note}` : ''}
                        </Typography.Text>
                        <RequirementItem
                          requirement={r}
                          index={++index}
                          answer={autosave.answers.get(r.id)}
                          readOnly={false}
                          missing={missing.has(r.id) && !isAnswered(autosave.answers.get(r.id))}
                          onChange={autosave.edit}
                        />
                      </div>
                    ))}
                  </section>
                ))}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Page>
  );
}

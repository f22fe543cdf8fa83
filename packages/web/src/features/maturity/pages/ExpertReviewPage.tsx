import '../maturity.css';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../app/api/client.ts';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { fetchExpertReview, saveExpertAnswers, submitExpertReview, type AnswerInput, type ExpertReviewDetail, type ModelView } from '../api.ts';
import { domainOf, inScope, isAnswered, itemsByLevel, levelLabel } from '../bank.ts';
import { ConflictAlert } from '../components/ConflictAlert.tsx';
import { DomainNav } from '../components/DomainNav.tsx';
import { RequirementItem } from '../components/RequirementItem.tsx';
import { ResultComparison } from '../components/ResultComparison.tsx';
import { SaveStatus } from '../components/SaveStatus.tsx';
import { useMaturityLabels } from '../labels.ts';
import { maturityKeys, useExpertReview, useModel } from '../queries.ts';
import { isSavable, type SaveStatus as Status } from '../useAutosave.ts';

const DEBOUNCE_MS = 700;

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

/** Autosave of the expert's answers: debounced batches with the version read; a 409 keeps the edits until reload. */
function useExpertAutosave(detail: ExpertReviewDetail) {
  const id = detail.assessment.id;
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Record<string, AnswerInput>>({});
  const [status, setStatus] = useState<Status>('saved');
  const [error, setError] = useState<ApiError | null>(null);
  const version = useRef(detail.review.version);
  const editsRef = useRef(edits);
  const saving = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    version.current = Math.max(version.current, detail.review.version);
  }, [detail]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const update = (next: Record<string, AnswerInput>) => {
    editsRef.current = next;
    setEdits(next);
  };

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (saving.current) {
      again.current = true;
      return false;
    }
    const batch = Object.values(editsRef.current).filter(isSavable);
    if (!batch.length) {
      setStatus(Object.keys(editsRef.current).length ? 'pending' : 'saved');
      return true;
    }
    saving.current = true;
    setStatus('saving');
    try {
      const saved = await saveExpertAnswers(id, version.current, batch);
      version.current = saved.version;
      const rest = { ...editsRef.current };
      for (const a of batch) if (rest[a.requirementId] === a) delete rest[a.requirementId];
      update(rest);
      setError(null);
      setStatus(Object.keys(rest).length ? 'pending' : 'saved');
      void queryClient.invalidateQueries({ queryKey: maturityKeys.review(id) });
      return true;
    } catch (e) {
      const apiError = e instanceof ApiError ? e : null;
      setError(apiError);
      setStatus(apiError?.code === 'maturity.versionConflict' ? 'conflict' : 'failed');
      return false;
    } finally {
      saving.current = false;
      if (again.current) {
        again.current = false;
        timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
      }
    }
  }, [id, queryClient]);

  const edit = useCallback(
    (answer: AnswerInput) => {
      update({ ...editsRef.current, [answer.requirementId]: answer });
      setStatus((s) => (s === 'conflict' ? s : 'pending'));
      if (status === 'conflict') return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, status],
  );

  const reload = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: maturityKeys.review(id), queryFn: () => fetchExpertReview(id), staleTime: 0 });
    version.current = fresh.review.version;
    setStatus('pending');
    return flush();
  }, [flush, id, queryClient]);

  const answers = useMemo(() => {
    const merged = new Map<string, AnswerInput>();
    for (const a of detail.answers) merged.set(a.requirementId, { requirementId: a.requirementId, value: a.value, naReason: a.naReason ?? undefined, note: a.note ?? undefined });
    for (const a of Object.values(edits)) merged.set(a.requirementId, a);
    return merged;
  }, [detail, edits]);

  return { answers, edit, flush, reload, status, error, unsaved: Object.keys(edits).length, hasUnsaved: () => Object.keys(editsRef.current).length > 0, version };
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
      const answers = detail.selfAnswers.map((a) => ({ requirementId: a.requirementId, value: a.value, ...(a.naReason ? { naReason: a.naReason } : {}) }));
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
      subtitle={t('maturity.expert.reviewSubtitle', { enterprise: detail.assessment.enterpriseName, model: detail.assessment.modelVersion })}
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
          {autosave.status === 'failed' && autosave.error && <Alert type="error" showIcon title={autosave.error.message} style={{ marginBottom: 16 }} />}
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
                    <Typography.Title level={5}>{t('maturity.q.levelGroup', { level: levelLabel(model.definition, level, pick) })}</Typography.Title>
                    {items.map((r) => (
                      <div key={r.id} data-testid="review-item" data-requirement={r.id}>
                        <Typography.Text type="secondary" data-testid="self-answer">
                          {t('maturity.expert.selfAnswer')}：{self(r.id)}
                          {selfOf.get(r.id)?.note ? ` · ${selfOf.get(r.id)!.note}` : ''}
                        </Typography.Text>
                        <RequirementItem requirement={r} index={++index} answer={autosave.answers.get(r.id)} readOnly={false} missing={missing.has(r.id) && !isAnswered(autosave.answers.get(r.id))} onChange={autosave.edit} />
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

import '../maturity.css';
import { BarChartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { AssessmentDetail, ModelView } from '../api.ts';
import { domainOf, inScope, isAnswered, itemsByLevel, levelLabel } from '../bank.ts';
import { ConflictAlert } from '../components/ConflictAlert.tsx';
import { DomainNav } from '../components/DomainNav.tsx';
import { DraftScoreCard } from '../components/DraftScoreCard.tsx';
import { RequirementItem } from '../components/RequirementItem.tsx';
import { SaveStatus } from '../components/SaveStatus.tsx';
import { useMaturityLabels } from '../labels.ts';
import { useAutosave } from '../useAutosave.ts';
import { useSubmit } from '../useSubmit.ts';
import { AssessmentLoader } from '../components/AssessmentLoader.tsx';

export function QuestionnairePage() {
  return <AssessmentLoader render={(detail, model) => <Questionnaire detail={detail} model={model} />} />;
}

function Questionnaire({ detail, model }: { detail: AssessmentDetail; model: ModelView }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const labels = useMaturityLabels();
  const navigate = useNavigate();
  const autosave = useAutosave(detail);
  const readOnly = detail.status !== 'draft' || !can('maturity.assessment.write');
  const scope = useMemo(() => inScope(model), [model]);
  const asked = useMemo(() => scope.filter((r) => r.level <= detail.targetLevel), [scope, detail.targetLevel]);
  const [selected, setSelected] = useState(() => model.definition.domains[0]?.subDomains[0]?.code ?? '');
  const [missing, setMissing] = useState<Set<string>>(new Set());

  const counts = useMemo(() => {
    const domains = domainOf(model.definition);
    const counts = new Map<string, { items: number; answered: number }>();
    const add = (key: string, answered: boolean) => {
      const c = counts.get(key) ?? { items: 0, answered: 0 };
      counts.set(key, { items: c.items + 1, answered: c.answered + (answered ? 1 : 0) });
    };
    for (const r of asked) {
      const answered = isAnswered(autosave.answers.get(r.id));
      add(`s:${r.subDomainCode}`, answered);
      add(`d:${domains.get(r.subDomainCode) ?? ''}`, answered);
    }
    return counts;
  }, [asked, autosave.answers, model.definition]);

  const showMissing = useCallback(
    (ids: string[]) => {
      setMissing(new Set(ids));
      const first = scope.find((r) => r.id === ids[0]);
      if (first) setSelected(first.subDomainCode);
    },
    [scope],
  );
  useEffect(() => {
    const first = [...missing][0];
    if (first) document.getElementById(`req-${first}`)?.scrollIntoView({ block: 'center' });
  }, [missing, selected]);

  const submit = useSubmit(detail, scope, autosave, showMissing);
  const { edit } = autosave;
  const subDomain = model.definition.domains.flatMap((d) => d.subDomains).find((s) => s.code === selected);
  const groups = itemsByLevel(asked, selected, detail.targetLevel);
  let index = 0;

  return (
    <Page
      title={t('maturity.q.title')}
      subtitle={t('maturity.q.subtitle', {
        model: detail.modelVersion,
        type: labels.type(detail.manufacturingType),
        target: levelLabel(model.definition, detail.targetLevel, pick),
      })}
      crumbs={[{ title: t('menu.maturity'), to: '/maturity' }, { title: t('maturity.q.title') }]}
      extra={
        <>
          {!readOnly && <SaveStatus status={autosave.status} onRetry={() => void autosave.flush()} />}
          <Button icon={<BarChartOutlined />} onClick={() => void navigate(`/maturity/${detail.id}/report`)}>
            {t('maturity.action.report')}
          </Button>
        </>
      }
    >
      {readOnly && <Alert type="info" showIcon title={t('maturity.readOnly')} style={{ marginBottom: 16 }} data-testid="read-only" />}
      {detail.access === 'summary' && (
        <Alert type="info" showIcon title={t('maturity.report.notShared')} style={{ marginBottom: 16 }} data-testid="answers-not-shared" />
      )}
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
        <Col xs={24} lg={16} xl={12}>
          <Card title={subDomain ? pick(subDomain.name) : ''} data-testid="items" data-subdomain={selected}>
            {groups.length === 0 && <Typography.Text type="secondary">{t('maturity.q.noItems')}</Typography.Text>}
            {groups.map(([level, items]) => (
              <section key={level} className="zz-maturity-level">
                <Typography.Title level={5}>
                  {t('maturity.q.levelGroup', { level: levelLabel(model.definition, level, pick) })}
                </Typography.Title>
                {items.map((r) => (
                  <RequirementItem
                    key={r.id}
                    requirement={r}
                    index={++index}
                    answer={autosave.answers.get(r.id)}
                    readOnly={readOnly}
                    missing={missing.has(r.id) && !isAnswered(autosave.answers.get(r.id))}
                    onChange={edit}
                  />
                ))}
              </section>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <DraftScoreCard
            model={model.definition}
            result={detail.result}
            extra={
              !readOnly && (
                <Button type="primary" block style={{ marginTop: 16 }} onClick={() => void submit()} data-testid="submit-assessment">
                  {t('maturity.submit')}
                </Button>
              )
            }
          />
        </Col>
      </Row>
    </Page>
  );
}

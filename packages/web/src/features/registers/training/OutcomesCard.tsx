import { useQuery } from '@tanstack/react-query';
import type { FirmOutcome, OutcomeSummary } from '@zhizao/domain';
import { Col, Row, Select, Skeleton, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../app/api/client.ts';
import { useCan } from '../../../app/auth/AuthProvider.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { registerKeys, useEntries } from '../queries.ts';
import type { RegisterViewProps } from '../views.ts';

// Above the training events: one event's outcomes, firm by firm — maturity before and after (score and
// level of the self-diagnoses) and the projects started afterwards. Shown to those who read attendees.

interface FirmRow extends FirmOutcome {
  enterpriseId: number;
  enterpriseName: string | null;
  people: number;
}
interface Outcomes {
  event: { id: number; name: string; startDate: string; endDate: string | null };
  firms: FirmRow[];
  summary: OutcomeSummary;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function OutcomesCard({ definition }: RegisterViewProps) {
  const can = useCan();
  return can('registers.training-attendees.read') ? <Outcomes eventsKey={definition.key} /> : null;
}

function Outcomes({ eventsKey }: { eventsKey: string }) {
  const { t } = useI18n();
  const events = useEntries(eventsKey, { page: 1, pageSize: 100, sort: 'startDate', direction: 'desc' });
  const [chosen, setChosen] = useState<number | null>(null);
  const items = events.data?.items ?? [];
  const eventId = chosen ?? items.find((e) => e.state === 'held')?.id ?? items[0]?.id ?? null;
  const outcomes = useQuery({
    queryKey: [...registerKeys.all, eventsKey, 'outcomes', eventId],
    queryFn: () => api<Outcomes>(`/api/registers/${eventsKey}/${eventId}/outcomes`),
    enabled: eventId !== null,
  });
  if (events.isError) return <LoadError error={events.error} onRetry={() => void events.refetch()} />;
  if (!events.data) return <Skeleton active className="zz-card" />;
  if (items.length === 0) return null;

  const point = (p: FirmOutcome['before']) =>
    p ? t('training.outcomes.point', { score: p.totalScore ?? '—', level: p.reachedLevel ?? '—', on: p.on }) : t('training.outcomes.none');
  const summary = outcomes.data?.summary;

  return (
    <div className="zz-card" data-testid="training-outcomes">
      <Row gutter={24} align="middle" style={{ marginBottom: 16 }}>
        <Col flex="auto">
          <h3 style={{ margin: 0 }}>{t('training.outcomes.title')}</h3>
          <div style={{ color: '#8c8c8c' }}>{t('training.outcomes.hint')}</div>
        </Col>
        <Col>
          <Select
            id="outcomes-event"
            aria-label={t('training.outcomes.event')}
            style={{ width: 360 }}
            value={eventId}
            onChange={setChosen}
            options={items.map((e) => ({ value: e.id, label: `${e.title}（${String(e.startDate)}）` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="outcomes-event"
          />
        </Col>
      </Row>
      {outcomes.isError ? (
        <LoadError error={outcomes.error} onRetry={() => void outcomes.refetch()} />
      ) : !outcomes.data || !summary ? (
        <Skeleton active />
      ) : outcomes.data.firms.length === 0 ? (
        <EmptyState description={t('training.outcomes.noFirms')} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }} data-testid="outcomes-summary">
            <Col span={5}>
              <Statistic title={t('training.outcomes.firms')} value={summary.firms} />
            </Col>
            <Col span={5}>
              <Statistic title={t('training.outcomes.withBoth')} value={summary.withBoth} />
            </Col>
            <Col span={5}>
              <Statistic
                title={t('training.outcomes.meanChange')}
                value={summary.meanScoreChange === null ? '—' : signed(summary.meanScoreChange)}
              />
            </Col>
            <Col span={4}>
              <Statistic title={t('training.outcomes.improved')} value={summary.improved} />
            </Col>
            <Col span={5}>
              <Statistic title={t('training.outcomes.startedProject')} value={summary.startedProject} />
            </Col>
          </Row>
          <Table<FirmRow>
            rowKey="enterpriseId"
            size="small"
            dataSource={outcomes.data.firms}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="outcomes-table"
            columns={[
              { key: 'enterprise', title: t('training.outcomes.enterprise'), render: (_, f) => f.enterpriseName },
              { key: 'people', title: t('training.outcomes.people'), width: 70, dataIndex: 'people' },
              { key: 'before', title: t('training.outcomes.before'), render: (_, f) => point(f.before) },
              { key: 'after', title: t('training.outcomes.after'), render: (_, f) => point(f.after) },
              {
                key: 'change',
                title: t('training.outcomes.change'),
                width: 90,
                render: (_, f) =>
                  f.scoreChange === null ? (
                    '—'
                  ) : (
                    <Tag color={f.scoreChange > 0 ? 'success' : f.scoreChange < 0 ? 'error' : 'default'}>{signed(f.scoreChange)}</Tag>
                  ),
              },
              {
                key: 'projects',
                title: t('training.outcomes.projects'),
                render: (_, f) =>
                  f.projectsAfter.length
                    ? f.projectsAfter.map((p) => (
                        <Tag key={p.id} color="processing">
                          {p.name}（{p.startDate}）
                        </Tag>
                      ))
                    : t('training.outcomes.none'),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

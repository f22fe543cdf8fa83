import { RECOGNITION_KINDS, RECOGNITION_LEVELS, type RecognitionKind } from '@zhizao/domain';
import { Card, Col, Row, Segmented, Select, Space, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { Ladder } from '../ladderApi.ts';
import { LEVEL_COLORS, useRecognitionLabels } from '../labels.ts';
import { useLadder } from '../queries.ts';

/** The whole ladder (municipal → provincial → national) by industry chain or district, as counts and a chart. */
export function LadderPage() {
  const { t } = useI18n();
  const labels = useRecognitionLabels();
  const [groupBy, setGroupBy] = useState<'chain' | 'district'>('chain');
  const [kind, setKind] = useState<RecognitionKind | undefined>();
  const ladder = useLadder(groupBy, kind);
  return (
    <Page
      title={t('recognition.ladder.title')}
      subtitle={t('recognition.ladder.subtitle')}
      extra={
        <Space wrap>
          <Segmented
            value={groupBy}
            onChange={(v) => setGroupBy(v as 'chain' | 'district')}
            options={[
              { value: 'chain', label: t('recognition.ladder.byChain') },
              { value: 'district', label: t('recognition.ladder.byDistrict') },
            ]}
            data-testid="ladder-group"
          />
          <Select
            allowClear
            placeholder={t('recognition.filter.kind')}
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={RECOGNITION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          />
        </Space>
      }
    >
      {ladder.isError ? (
        <LoadError error={ladder.error} onRetry={() => void ladder.refetch()} />
      ) : !ladder.data ? (
        <PageSkeleton />
      ) : (
        <LadderBody data={ladder.data} />
      )}
    </Page>
  );
}

function LadderBody({ data }: { data: Ladder }) {
  const { t, pick } = useI18n();
  const labels = useRecognitionLabels();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.groups.map((g) => pick(g.name)),
        axisLabel: { interval: 0, rotate: data.groups.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: RECOGNITION_LEVELS.map((l) => ({
        type: 'bar',
        stack: 'ladder',
        name: labels.level(l),
        itemStyle: { color: LEVEL_COLORS[l] },
        data: data.groups.map((g) => g[l]),
      })),
    }),
    [data, labels, pick],
  );
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {RECOGNITION_LEVELS.map((l) => (
          <Col xs={24} md={8} key={l}>
            <Card>
              <Statistic
                title={labels.level(l)}
                value={data.totals[l]}
                valueStyle={{ color: LEVEL_COLORS[l] }}
                data-testid={`ladder-total-${l}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <div className="zz-card">
        <EChart option={option} height={360} testId="ladder-chart" />
        <Table<Ladder['groups'][number]>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={data.groups}
          scroll={{ x: true }}
          data-testid="ladder-table"
          columns={[
            { title: t('recognition.ladder.group'), key: 'name', render: (_, g) => pick(g.name) },
            ...RECOGNITION_LEVELS.map((l) => ({ title: labels.level(l), dataIndex: l, align: 'right' as const })),
          ]}
        />
      </div>
    </>
  );
}

import { TrophyOutlined } from '@ant-design/icons';
import { RECOGNITION_BENCHMARKS, RECOGNITION_KINDS, RECOGNITION_LEVELS, type RecognitionKind, type RecognitionLevel } from '@zhizao/domain';
import { Card, Col, Empty, Progress, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { KpiScatter } from '../components/KpiScatter.tsx';
import type { KpiItem, KpiView } from '../ladderApi.ts';
import { formatChange, useRecognitionLabels } from '../labels.ts';
import { useKpis } from '../queries.ts';

/** Recognised enterprises' CNC rate, cost and productivity change against the seed's benchmarks (seed §二.3). */
export function KpiPage() {
  const t = useT();
  const labels = useRecognitionLabels();
  const [level, setLevel] = useState<RecognitionLevel | undefined>();
  const [kind, setKind] = useState<RecognitionKind | undefined>();
  const kpis = useKpis(level, kind);
  return (
    <Page
      title={t('recognition.kpis.title')}
      subtitle={t('recognition.kpis.subtitle', {
        cnc: RECOGNITION_BENCHMARKS.cncRate,
        cost: formatChange(RECOGNITION_BENCHMARKS.operatingCostChange),
        productivity: formatChange(RECOGNITION_BENCHMARKS.productivityChange),
      })}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('recognition.filter.level')}
            style={{ width: 140 }}
            value={level}
            onChange={setLevel}
            options={RECOGNITION_LEVELS.map((l) => ({ value: l, label: labels.level(l) }))}
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
      {kpis.isError ? (
        <LoadError error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : !kpis.data ? (
        <PageSkeleton />
      ) : (
        <KpiBody data={kpis.data} />
      )}
    </Page>
  );
}

const metTag = (met: boolean | null, text: string) => <Tag color={met === null ? 'default' : met ? 'green' : 'orange'}>{text}</Tag>;

function KpiBody({ data }: { data: KpiView }) {
  const t = useT();
  const labels = useRecognitionLabels();
  const { n } = data.summary;
  const share = (k: number) => (n ? Math.round((k / n) * 100) : 0);
  const mean = (v: number | null, percent: boolean) => (v === null ? '—' : percent ? `${v.toFixed(1)} %` : formatChange(v));
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          {
            key: 'cnc',
            title: t('recognition.kpis.cncMet', { target: data.benchmarks.cncRate }),
            share: data.summary.cncRate,
            mean: mean(data.summary.cncRate.mean, true),
          },
          {
            key: 'cost',
            title: t('recognition.kpis.costMet', { target: formatChange(data.benchmarks.operatingCostChange) }),
            share: data.summary.operatingCost,
            mean: mean(data.summary.operatingCost.mean, false),
          },
          {
            key: 'productivity',
            title: t('recognition.kpis.productivityMet', { target: formatChange(data.benchmarks.productivityChange) }),
            share: data.summary.productivity,
            mean: mean(data.summary.productivity.mean, false),
          },
        ].map((c) => (
          <Col xs={24} md={8} key={c.key}>
            <Card data-testid={`kpi-share-${c.key}`}>
              <div style={{ marginBottom: 8 }}>{c.title}</div>
              <Progress percent={share(c.share.met)} format={() => `${c.share.met} / ${n}`} />
              <div style={{ color: '#8c8c8c', fontSize: 12 }}>
                {t('recognition.kpis.mean', { mean: c.mean, reported: c.share.reported })}
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={
          <>
            <TrophyOutlined /> {t('recognition.kpis.showcases')}
          </>
        }
        style={{ marginBottom: 16 }}
      >
        {data.showcases.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recognition.kpis.empty')} />
        ) : (
          <Row gutter={[16, 16]} data-testid="showcases">
            {data.showcases.map((s) => (
              <Col xs={24} md={8} key={s.recognitionId}>
                <Card size="small" title={s.enterpriseName} extra={<Tag>{labels.level(s.level)}</Tag>}>
                  <div style={{ minHeight: 44 }}>{s.projectName}</div>
                  <Space wrap>
                    {metTag(s.met.cncRate, `${t('recognition.kpis.cnc')} ${s.cncRate ?? '—'} %`)}
                    {metTag(s.met.operatingCost, `${t('recognition.kpis.cost')} ${formatChange(s.operatingCostChange)}`)}
                    {metTag(s.met.productivity, `${t('recognition.kpis.productivity')} ${formatChange(s.productivityChange)}`)}
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <div className="zz-card">
        {data.items.length > 0 && <KpiScatter data={data} />}
        <Table<KpiItem>
          size="small"
          rowKey="recognitionId"
          dataSource={data.items}
          scroll={{ x: true }}
          data-testid="kpi-items"
          locale={{ emptyText: t('recognition.kpis.empty') }}
          columns={[
            { title: t('recognition.col.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('recognition.col.project'), dataIndex: 'projectName' },
            { title: t('recognition.prog.level'), key: 'l', render: (_, i) => labels.level(i.level) },
            {
              title: t('recognition.kpis.cnc'),
              key: 'c',
              align: 'right',
              render: (_, i) => metTag(i.met.cncRate, i.cncRate === null ? '—' : `${i.cncRate} %`),
            },
            {
              title: t('recognition.kpis.cost'),
              key: 'o',
              align: 'right',
              render: (_, i) => metTag(i.met.operatingCost, formatChange(i.operatingCostChange)),
            },
            {
              title: t('recognition.kpis.productivity'),
              key: 'p',
              align: 'right',
              render: (_, i) => metTag(i.met.productivity, formatChange(i.productivityChange)),
            },
          ]}
        />
      </div>
    </>
  );
}

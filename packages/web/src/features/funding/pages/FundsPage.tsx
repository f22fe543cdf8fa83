import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Progress, Row, Segmented, Select, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../../app/auth/AuthProvider.tsx';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Envelope, Fund } from '../api.ts';
import { FundFormModal } from '../components/FundFormModal.tsx';
import { LedgerTable } from '../components/LedgerTable.tsx';
import { useFundingLabels } from '../labels.ts';
import { formatShare, usedPercent, wanOf } from '../money.ts';
import { useFunds } from '../queries.ts';

/** Special funds per year: the envelopes, the computed 智改数转 share, what each envelope has left, and its ledger. */
export function FundsPage() {
  const t = useT();
  const can = useCan();
  const funds = useFunds();
  const [year, setYear] = useState<number | undefined>();
  const [editing, setEditing] = useState<Fund | null | 'new'>(null);
  const fund = funds.data?.find((f) => f.year === year) ?? funds.data?.[0];

  return (
    <Page
      title={t('funding.funds.title')}
      subtitle={t('funding.funds.subtitle')}
      crumbs={[{ title: t('menu.funding') }, { title: t('menu.fundingFunds') }]}
      extra={
        <>
          {funds.data && funds.data.length > 0 && (
            <Select<number>
              style={{ width: 120 }}
              value={fund?.year}
              options={funds.data.map((f) => ({ value: f.year, label: String(f.year) }))}
              onChange={setYear}
              data-testid="fund-year"
            />
          )}
          {can('funding.fund.write') && fund && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(fund)} data-testid="edit-fund">
              {t('funding.funds.edit')}
            </Button>
          )}
          {can('funding.fund.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-fund">
              {t('funding.funds.new')}
            </Button>
          )}
        </>
      }
    >
      {funds.isError ? (
        <LoadError error={funds.error} onRetry={() => void funds.refetch()} />
      ) : funds.isPending ? (
        <PageSkeleton rows={8} />
      ) : !fund ? (
        <div className="zz-card">
          <EmptyState
            description={t('funding.funds.empty')}
            action={
              can('funding.fund.write') && (
                <Button type="primary" onClick={() => setEditing('new')}>
                  {t('funding.funds.new')}
                </Button>
              )
            }
          />
        </div>
      ) : (
        <FundView key={fund.id} fund={fund} />
      )}
      <FundFormModal fund={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </Page>
  );
}

function FundView({ fund }: { fund: Fund }) {
  const t = useT();
  const labels = useFundingLabels();
  const [envelopeId, setEnvelopeId] = useState<number | 'all'>(fund.envelopes.find((e) => e.kind === 'smart_digital')?.id ?? 'all');
  const unassigned = fund.totalFen - fund.envelopes.reduce((s, e) => s + e.amountFen, 0);
  const pie = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} 万元 ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{d}%' },
          data: [
            ...fund.envelopes.map((e) => ({ name: e.name, value: wanOf(e.amountFen) })),
            ...(unassigned > 0 ? [{ name: t('funding.funds.unassigned'), value: wanOf(unassigned), itemStyle: { color: '#d9d9d9' } }] : []),
          ],
        },
      ],
    }),
    [fund, unassigned, t],
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={fund.name} style={{ height: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8}>
                <Statistic title={t('funding.funds.total')} value={labels.wan(fund.totalFen)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('funding.funds.smartDigitalAmount')} value={labels.wan(fund.smartDigitalFen)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic
                  title={t('funding.funds.smartDigitalShare')}
                  value={formatShare(fund.smartDigitalShare)}
                  data-testid="fund-share"
                />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('funding.funds.allocated')} value={labels.wan(fund.allocatedFen)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('funding.field.paid')} value={labels.wan(fund.paidFen)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic
                  title={t('funding.funds.awardedShare')}
                  value={formatShare(fund.awardedShareOfFund)}
                  data-testid="fund-awarded-share"
                />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('funding.funds.envelopes')} style={{ height: '100%' }}>
            <EChart option={pie} height={240} testId="fund-pie" />
          </Card>
        </Col>
      </Row>
      <Card title={t('funding.funds.envelopes')}>
        <Table<Envelope>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={fund.envelopes}
          data-testid="envelopes"
          columns={[
            {
              key: 'name',
              title: t('funding.funds.name'),
              render: (_, e) => (
                <Space>
                  {e.name}
                  <Tag color={e.kind === 'smart_digital' ? 'blue' : 'default'}>{t(`funding.envelope.${e.kind}`)}</Tag>
                </Space>
              ),
            },
            { key: 'amount', title: t('funding.calc.amount'), align: 'right', render: (_, e) => labels.wan(e.amountFen) },
            { key: 'allocated', title: t('funding.funds.allocated'), align: 'right', render: (_, e) => labels.wan(e.allocatedFen) },
            { key: 'paid', title: t('funding.field.paid'), align: 'right', render: (_, e) => labels.wan(e.paidFen) },
            { key: 'clawed', title: t('funding.field.clawedBack'), align: 'right', render: (_, e) => labels.wan(e.clawedBackFen) },
            {
              key: 'available',
              title: t('funding.funds.available'),
              align: 'right',
              render: (_, e) => <strong>{labels.wan(e.availableFen)}</strong>,
            },
            {
              key: 'use',
              title: t('funding.funds.used'),
              width: 180,
              render: (_, e) => <Progress size="small" percent={usedPercent(e)} status={e.availableFen <= 0 ? 'exception' : 'normal'} />,
            },
          ]}
        />
      </Card>
      <Card
        title={t('funding.ledger.title')}
        extra={
          <Segmented<number | 'all'>
            value={envelopeId}
            onChange={setEnvelopeId}
            options={[{ value: 'all', label: t('funding.any') }, ...fund.envelopes.map((e) => ({ value: e.id, label: e.name }))]}
            data-testid="ledger-envelope"
          />
        }
      >
        <LedgerTable fundId={fund.id} envelopeId={envelopeId === 'all' ? undefined : envelopeId} />
      </Card>
    </Space>
  );
}

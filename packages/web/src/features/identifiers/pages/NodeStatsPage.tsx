import { DownloadOutlined } from '@ant-design/icons';
import { chinaDay } from '@zhizao/domain';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { downloadStatsExport } from '../api.ts';
import { NodeBanner } from '../components/NodeBanner.tsx';
import { DailyChart, EnterpriseChart } from '../components/StatsCharts.tsx';
import { useDailyStats, useNode } from '../queries.ts';

const DAY = 'YYYY-MM-DD';
// Statistics days are Beijing days (domain identifiers/statistics.ts), whatever the browser's time zone.
const chinaToday = () => dayjs(chinaDay(Date.now()));

/** The node's operations statistics (运营统计): totals since the node started, the chosen period per day and per enterprise, and the upward report. */
export function NodeStatsPage() {
  const t = useT();
  const { can } = useAuth();
  const action = useAction();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [chinaToday().subtract(29, 'day'), chinaToday()]);
  const period = { from: range[0].format(DAY), to: range[1].format(DAY) };
  const node = useNode();
  const stats = useDailyStats(period);
  const [exporting, setExporting] = useState<'json' | 'csv' | null>(null);
  const exportAs = async (format: 'json' | 'csv') => {
    setExporting(format);
    await action(
      () => downloadStatsExport(format, period),
      (name) => t('identifiers.stats.exported', { name: String(name) }),
    );
    setExporting(null);
  };
  const totals = node.data?.totals;

  return (
    <Page
      title={t('identifiers.stats.title')}
      subtitle={t('identifiers.stats.subtitle')}
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
            onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
            data-testid="stats-range"
          />
          {can('identifiers.node.operate') && (
            <>
              <Button
                icon={<DownloadOutlined />}
                loading={exporting === 'json'}
                onClick={() => void exportAs('json')}
                data-testid="export-json"
              >
                {t('identifiers.stats.exportJson')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                loading={exporting === 'csv'}
                onClick={() => void exportAs('csv')}
                data-testid="export-csv"
              >
                {t('identifiers.stats.exportCsv')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <NodeBanner />
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="stats-totals">
        {[
          {
            key: 'all',
            label: t('identifiers.stats.totalSinceStart'),
            value: totals ? totals.registrations + totals.resolutions : undefined,
          },
          { key: 'reg', label: t('identifiers.stats.registrationsSinceStart'), value: totals?.registrations },
          { key: 'res', label: t('identifiers.stats.resolutionsSinceStart'), value: totals?.resolutions },
          { key: 'ent', label: t('identifiers.stats.enterprises'), value: totals?.enterprises },
        ].map((s) => (
          <Col xs={12} lg={6} key={s.key}>
            <Card size="small">
              <Statistic title={s.label} value={s.value ?? '—'} loading={node.isPending} />
            </Card>
          </Col>
        ))}
      </Row>
      {stats.isError && !stats.data ? (
        <LoadError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !stats.data ? (
        <PageSkeleton rows={8} />
      ) : (
        <>
          <Card
            title={t('identifiers.stats.perDay', { from: period.from, to: period.to })}
            style={{ marginBottom: 16 }}
            extra={t('identifiers.stats.periodTotals', {
              reg: stats.data.totals.registrations.toLocaleString(),
              res: stats.data.totals.resolutions.toLocaleString(),
            })}
          >
            {stats.data.days.length ? (
              <DailyChart days={stats.data.days} from={period.from} to={period.to} />
            ) : (
              <EmptyState description={t('identifiers.stats.empty')} />
            )}
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={10}>
              <Card title={t('identifiers.stats.topEnterprises')} style={{ marginBottom: 16 }}>
                {stats.data.byEnterprise.length ? (
                  <EnterpriseChart rows={stats.data.byEnterprise} />
                ) : (
                  <EmptyState description={t('identifiers.stats.empty')} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('identifiers.stats.perEnterprise')}>
                <Table
                  rowKey={(r) => `${r.enterpriseId}|${r.prefix}`}
                  size="small"
                  dataSource={stats.data.byEnterprise}
                  data-testid="stats-table"
                  scroll={{ x: true }}
                  pagination={stats.data.byEnterprise.length > 10 ? { pageSize: 10 } : false}
                  columns={[
                    { title: t('identifiers.col.enterprise'), dataIndex: 'enterpriseName' },
                    {
                      title: t('identifiers.col.prefix'),
                      dataIndex: 'prefix',
                      render: (p: string | null) => <span className="zz-mono">{p ?? '—'}</span>,
                    },
                    {
                      title: t('identifiers.stats.registrations'),
                      dataIndex: 'registrations',
                      align: 'right',
                      sorter: (a, b) => a.registrations - b.registrations,
                      render: (n: number) => n.toLocaleString(),
                    },
                    {
                      title: t('identifiers.stats.resolutions'),
                      dataIndex: 'resolutions',
                      align: 'right',
                      sorter: (a, b) => a.resolutions - b.resolutions,
                      render: (n: number) => n.toLocaleString(),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Page>
  );
}

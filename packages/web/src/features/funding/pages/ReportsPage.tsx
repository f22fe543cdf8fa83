import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyOptions } from '../../registry/taxonomy.ts';
import {
  exportReport,
  fetchBreakdown,
  fetchCumulative,
  fetchYearReport,
  type BreakdownRow,
  type RecordMetric,
  type YearRow,
} from '../api.ts';
import { Loaded } from '../components/Loaded.tsx';
import { RecordsDrawer, type Drill } from '../components/RecordsDrawer.tsx';
import { YearCharts } from '../components/YearCharts.tsx';
import { useFundingLabels } from '../labels.ts';
import { formatShare, wanOf } from '../money.ts';
import { FIRST_YEAR, THIS_YEAR, YEAR_OPTIONS } from '../years.ts';

/** Years after the last one with any record are left out, so the trend does not fall to zero at the end. */
function withoutEmptyTail(report: { rows: YearRow[] }) {
  const last = report.rows.findLastIndex((r) => r.projects > 0 || r.awards > 0 || r.fundTotalFen !== null);
  return { rows: report.rows.slice(0, last + 1) };
}

/** A figure that opens the records behind it. */
function Figure({ text, onOpen }: { text: string; onOpen(): void }) {
  return (
    <Typography.Link onClick={onOpen} data-testid="drill">
      {text}
    </Typography.Link>
  );
}

/** Per year, per chain or district, and cumulative: projects, investment, awards, payments and the fund share. */
export function ReportsPage() {
  const { t, pick } = useI18n();
  const labels = useFundingLabels();
  const taxonomy = useTaxonomyOptions();
  const run = useAction();
  const [from, setFrom] = useState(FIRST_YEAR);
  const [to, setTo] = useState(THIS_YEAR);
  const [scope, setScope] = useState<{ districtCode?: string; chainCode?: string }>({});
  const [by, setBy] = useState<'chain' | 'district'>('chain');
  const [breakdownYear, setBreakdownYear] = useState<number | undefined>();
  const [since, setSince] = useState(FIRST_YEAR);
  const [drill, setDrill] = useState<Drill | null>(null);

  const years = useQuery({
    queryKey: ['funding', 'report', 'years', from, to, scope],
    queryFn: () => fetchYearReport({ from, to, ...scope }),
    placeholderData: keepPreviousData,
    select: withoutEmptyTail,
  });
  const breakdown = useQuery({
    queryKey: ['funding', 'report', 'breakdown', by, breakdownYear],
    queryFn: () => fetchBreakdown({ by, year: breakdownYear }),
    placeholderData: keepPreviousData,
  });
  const cumulative = useQuery({
    queryKey: ['funding', 'report', 'cumulative', since],
    queryFn: () => fetchCumulative(since),
    placeholderData: keepPreviousData,
  });

  const open = (metric: RecordMetric, title: string, extra: Partial<Drill> = {}) => setDrill({ metric, title, ...scope, ...extra });
  const yearTitle = (y: number, what: string) => `${y} · ${what}`;

  const breakdownChart = useMemo<ChartOption>(() => {
    const rows = breakdown.data?.rows ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => pick({ zh: r.nameZh, en: r.nameEn })),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', name: '万元' },
        { type: 'value', name: t('funding.reports.projects'), splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('funding.field.total'), data: rows.map((r) => wanOf(r.investmentFen)) },
        { type: 'bar', name: t('funding.reports.awarded'), data: rows.map((r) => wanOf(r.awardedFen)) },
        { type: 'line', name: t('funding.reports.projects'), yAxisIndex: 1, data: rows.map((r) => r.projects) },
      ],
    };
  }, [breakdown.data, pick, t]);

  const yearOptions = YEAR_OPTIONS.filter((o) => o.value >= FIRST_YEAR - 4);
  return (
    <Page
      title={t('funding.reports.title')}
      subtitle={t('funding.reports.subtitle')}
      crumbs={[{ title: t('menu.funding') }, { title: t('menu.fundingReports') }]}
      extra={
        <Space wrap>
          <Select<number> style={{ width: 100 }} value={from} options={yearOptions} onChange={setFrom} data-testid="report-from" />
          <span>—</span>
          <Select<number> style={{ width: 100 }} value={to} options={yearOptions} onChange={setTo} data-testid="report-to" />
          <Select<string>
            allowClear
            style={{ width: 180 }}
            placeholder={t('funding.field.district')}
            value={scope.districtCode}
            options={taxonomy.districts}
            onChange={(districtCode) => setScope((s) => ({ ...s, districtCode }))}
          />
          <Select<string>
            allowClear
            style={{ width: 180 }}
            placeholder={t('funding.field.chain')}
            value={scope.chainCode}
            options={taxonomy.chains}
            onChange={(chainCode) => setScope((s) => ({ ...s, chainCode }))}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void run(
                () => exportReport({ from, to, ...scope }),
                (name) => t('funding.projects.exported', { name: String(name) }),
              )
            }
            data-testid="export-report"
          >
            {t('funding.projects.export')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={t('funding.reports.cumulative')}
          extra={
            <Space>
              {t('funding.reports.since')}
              <Select<number> style={{ width: 100 }} value={since} options={yearOptions} onChange={setSince} data-testid="report-since" />
            </Space>
          }
        >
          <Loaded query={cumulative} rows={2}>
            {(c) => (
              <Row gutter={16} data-testid="cumulative">
                <Col xs={12} md={5}>
                  <Statistic title={t('funding.reports.projects')} value={c.projects} />
                </Col>
                <Col xs={12} md={5}>
                  <Statistic title={t('funding.field.total')} value={labels.wan(c.investmentFen)} />
                </Col>
                <Col xs={12} md={5}>
                  <Statistic title={t('funding.reports.awarded')} value={labels.wan(c.awardedFen)} />
                </Col>
                <Col xs={12} md={5}>
                  <Statistic title={t('funding.field.paid')} value={labels.wan(c.paidFen)} />
                </Col>
                <Col xs={12} md={4}>
                  <Statistic title={t('funding.field.clawedBack')} value={labels.wan(c.clawedBackFen)} />
                </Col>
                <Col span={24}>
                  <Typography.Text type="secondary">{t('funding.reports.range', { since: c.since, through: c.through })}</Typography.Text>{' '}
                  <Figure
                    text={t('funding.reports.showRecords')}
                    onOpen={() =>
                      setDrill({ metric: 'awards', since, title: t('funding.reports.range', { since: c.since, through: c.through }) })
                    }
                  />
                </Col>
              </Row>
            )}
          </Loaded>
        </Card>
        <Card title={t('funding.reports.perYear')}>
          <Loaded query={years} isEmpty={(d) => d.rows.length === 0} empty={t('funding.reports.empty')}>
            {({ rows }) => (
              <>
                <YearCharts rows={rows} />
                <Table<YearRow>
                  rowKey="year"
                  size="small"
                  pagination={false}
                  dataSource={rows}
                  style={{ marginTop: 16 }}
                  data-testid="year-table"
                  columns={[
                    { key: 'year', dataIndex: 'year', title: t('funding.field.year') },
                    {
                      key: 'projects',
                      title: t('funding.reports.projects'),
                      align: 'right',
                      render: (_, r) => (
                        <Figure
                          text={String(r.projects)}
                          onOpen={() => open('projects', yearTitle(r.year, t('funding.reports.projects')), { year: r.year })}
                        />
                      ),
                    },
                    { key: 'investment', title: t('funding.field.total'), align: 'right', render: (_, r) => labels.wan(r.investmentFen) },
                    {
                      key: 'awards',
                      title: t('funding.reports.awards'),
                      align: 'right',
                      render: (_, r) => (
                        <Figure
                          text={String(r.awards)}
                          onOpen={() => open('awards', yearTitle(r.year, t('funding.reports.awards')), { year: r.year })}
                        />
                      ),
                    },
                    {
                      key: 'awarded',
                      title: t('funding.reports.awarded'),
                      align: 'right',
                      render: (_, r) => (
                        <Figure
                          text={labels.wan(r.awardedFen)}
                          onOpen={() => open('awards', yearTitle(r.year, t('funding.reports.awarded')), { year: r.year })}
                        />
                      ),
                    },
                    {
                      key: 'paid',
                      title: t('funding.field.paid'),
                      align: 'right',
                      render: (_, r) => (
                        <Figure
                          text={labels.wan(r.paidFen)}
                          onOpen={() => open('payments', yearTitle(r.year, t('funding.field.paid')), { year: r.year })}
                        />
                      ),
                    },
                    { key: 'fund', title: t('funding.funds.total'), align: 'right', render: (_, r) => labels.wan(r.fundTotalFen) },
                    { key: 'share', title: t('funding.reports.share'), align: 'right', render: (_, r) => formatShare(r.shareOfFund) },
                  ]}
                />
              </>
            )}
          </Loaded>
        </Card>
        <Card
          title={t('funding.reports.breakdown')}
          extra={
            <Space>
              <Segmented<'chain' | 'district'>
                value={by}
                onChange={setBy}
                options={[
                  { value: 'chain', label: t('funding.reports.byChain') },
                  { value: 'district', label: t('funding.reports.byDistrict') },
                ]}
                data-testid="breakdown-by"
              />
              <Select<number>
                allowClear
                style={{ width: 110 }}
                placeholder={t('funding.reports.allYears')}
                value={breakdownYear}
                options={yearOptions}
                onChange={setBreakdownYear}
              />
            </Space>
          }
        >
          <Loaded query={breakdown} isEmpty={(d) => d.rows.length === 0} empty={t('funding.reports.empty')}>
            {({ rows }) => (
              <>
                <EChart option={breakdownChart} height={300} testId="breakdown-chart" />
                <Table<BreakdownRow>
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={rows}
                  style={{ marginTop: 16 }}
                  data-testid="breakdown-table"
                  columns={[
                    {
                      key: 'name',
                      title: t(by === 'chain' ? 'funding.field.chain' : 'funding.field.district'),
                      render: (_, r) => pick({ zh: r.nameZh, en: r.nameEn }),
                    },
                    {
                      key: 'projects',
                      title: t('funding.reports.projects'),
                      align: 'right',
                      render: (_, r) => (
                        <Figure
                          text={String(r.projects)}
                          onOpen={() =>
                            setDrill({
                              metric: 'projects',
                              year: breakdownYear,
                              [by === 'chain' ? 'chainCode' : 'districtCode']: r.code,
                              title: `${pick({ zh: r.nameZh, en: r.nameEn })} · ${t('funding.reports.projects')}`,
                            })
                          }
                        />
                      ),
                    },
                    { key: 'investment', title: t('funding.field.total'), align: 'right', render: (_, r) => labels.wan(r.investmentFen) },
                    { key: 'awarded', title: t('funding.reports.awarded'), align: 'right', render: (_, r) => labels.wan(r.awardedFen) },
                    { key: 'paid', title: t('funding.field.paid'), align: 'right', render: (_, r) => labels.wan(r.paidFen) },
                  ]}
                />
              </>
            )}
          </Loaded>
        </Card>
      </Space>
      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
    </Page>
  );
}

import { Card, Col, Input, Row, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useDebounced } from '../../../app/components/useDebounced.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { bizStepLabel } from '../bizSteps.ts';
import { FlowForm } from '../components/FlowForm.tsx';
import { eventLocalTime, formatQuantity, formatTime, showIdentifier } from '../labels.tsx';
import { useMovements, useStock } from '../queries.ts';
import type { StockRow } from '../traceApi.ts';

const mono = (v: string | null) => (
  <span className="zz-mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
    {v ? showIdentifier(v) : '—'}
  </span>
);

/** The enterprise's warehouse: record receiving, storing, picking, shipping; stock per location and product as the events leave it; the movements. */
export function WarehousePage() {
  const t = useT();
  const [location, setLocation] = useState('');
  const [product, setProduct] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const filter = { location: useDebounced(location.trim()) || undefined, product: useDebounced(product.trim()) || undefined };
  const stock = useStock(filter);
  const movements = useMovements({ ...filter, ...paging });

  return (
    <Page title={t('identifiers.warehouse.title')} subtitle={t('identifiers.warehouse.subtitle')}>
      <Card title={t('identifiers.warehouse.recordTitle')} style={{ marginBottom: 16 }}>
        <FlowForm onRecorded={() => setPaging((p) => ({ ...p, page: 1 }))} />
      </Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          placeholder={t('identifiers.warehouse.filterLocation')}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          style={{ width: 220 }}
          data-testid="stock-location"
        />
        <Input
          allowClear
          placeholder={t('identifiers.warehouse.filterProduct')}
          value={product}
          onChange={(e) => setProduct(e.target.value)}
          style={{ width: 260 }}
        />
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={t('identifiers.warehouse.stock')} style={{ marginBottom: 16 }}>
            {stock.isError ? (
              <LoadError error={stock.error} onRetry={() => void stock.refetch()} />
            ) : (
              <>
                {!!stock.data?.items.length && <StockChart rows={stock.data.items} />}
                <Table
                  rowKey={(r) => `${r.location}|${r.product}|${r.uom}`}
                  size="small"
                  loading={stock.isFetching}
                  dataSource={stock.data?.items}
                  data-testid="stock-table"
                  scroll={{ x: true }}
                  pagination={(stock.data?.items.length ?? 0) > 10 ? { pageSize: 10 } : false}
                  locale={{ emptyText: stock.isPending ? ' ' : <EmptyState description={t('identifiers.warehouse.noStock')} /> }}
                  columns={[
                    {
                      title: t('identifiers.warehouse.location'),
                      dataIndex: 'locationCode',
                      render: (v: string, r) => mono(v || r.location),
                    },
                    { title: t('identifiers.warehouse.product'), dataIndex: 'product', render: mono },
                    {
                      title: t('identifiers.warehouse.quantity'),
                      dataIndex: 'quantity',
                      align: 'right',
                      render: (q: number, r) => formatQuantity(q, r.uom),
                    },
                    { title: t('identifiers.col.updatedAt'), dataIndex: 'updatedAt', render: formatTime },
                  ]}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('identifiers.warehouse.movements')}>
            {movements.isError && !movements.data ? (
              <LoadError error={movements.error} onRetry={() => void movements.refetch()} />
            ) : (
              <Table
                rowKey="id"
                size="small"
                loading={movements.isFetching}
                dataSource={movements.data?.items}
                data-testid="movement-table"
                scroll={{ x: true }}
                locale={{ emptyText: movements.isPending ? ' ' : <EmptyState description={t('identifiers.warehouse.noMovements')} /> }}
                pagination={{
                  current: paging.page,
                  pageSize: paging.pageSize,
                  total: movements.data?.total ?? 0,
                  hideOnSinglePage: true,
                  onChange: (page, pageSize) => setPaging({ page, pageSize }),
                }}
                columns={[
                  {
                    title: t('identifiers.events.time'),
                    dataIndex: 'eventTime',
                    render: (v: string, r) => eventLocalTime(v, r.eventTimeZoneOffset),
                  },
                  {
                    title: t('identifiers.warehouse.step'),
                    dataIndex: 'bizStep',
                    render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{bizStepLabel(v, t)}</span>,
                  },
                  {
                    title: t('identifiers.warehouse.product'),
                    key: 'items',
                    render: (_, r) =>
                      r.items.map((i) => (
                        <div key={`${i.product}|${i.uom}`}>
                          {mono(i.product)} × {formatQuantity(i.quantity, i.uom)}
                        </div>
                      )),
                  },
                  { title: t('identifiers.warehouse.from'), dataIndex: 'from', render: mono },
                  { title: t('identifiers.warehouse.to'), dataIndex: 'to', render: mono },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}

/** Stock per location, one bar segment per product: where the goods are at a glance. */
function StockChart({ rows }: { rows: StockRow[] }) {
  const option = useMemo<ChartOption>(() => {
    const locations = [...new Set(rows.map((r) => r.locationCode || r.location))];
    const products = [...new Set(rows.map((r) => showIdentifier(r.product)))];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: locations },
      yAxis: { type: 'value' },
      series: products.map((p) => ({
        type: 'bar',
        stack: 'stock',
        name: p,
        data: locations.map((l) =>
          rows
            .filter((r) => (r.locationCode || r.location) === l && showIdentifier(r.product) === p)
            .reduce((sum, r) => sum + r.quantity, 0),
        ),
      })),
    };
  }, [rows]);
  return <EChart option={option} height={220} testId="stock-chart" />;
}

import { Button, DatePicker, Drawer, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { bizStepLabel, KNOWN_BIZ_STEPS } from '../bizSteps.ts';
import { eventLocalTime, showIdentifier } from '../labels.tsx';
import { useEvents } from '../queries.ts';
import type { EventFilter, EventRow } from '../traceApi.ts';

// The event's identifier keys include its places (bizLocation, a move's source); the identifier column lists things only.
const LOCATION_KEY = 'urn:zhizao:location:';

interface FilterForm {
  epc?: string;
  bizStep?: string;
  location?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** EPCIS events the enterprise captured (the node operator sees every enterprise's): filter by EPC, step, time and place. */
export function EventsPage() {
  const t = useT();
  const [filter, setFilter] = useState<EventFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [shown, setShown] = useState<EventRow | null>(null);
  const list = useEvents({ ...filter, ...paging });

  const apply = (f: FilterForm) => {
    setFilter({
      epc: f.epc?.trim() || undefined,
      bizStep: f.bizStep || undefined,
      location: f.location?.trim() || undefined,
      from: f.range?.[0]?.toISOString(),
      to: f.range?.[1]?.toISOString(),
    });
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <Page title={t('identifiers.events.title')} subtitle={t('identifiers.events.subtitle')}>
      <div className="zz-card">
        <Form<FilterForm> layout="inline" className="zz-filters" onFinish={apply} data-testid="event-filters" style={{ rowGap: 8 }}>
          <Form.Item name="epc">
            <Input allowClear placeholder={t('identifiers.events.epc')} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="bizStep">
            <Select
              allowClear
              showSearch
              placeholder={t('identifiers.events.bizStep')}
              style={{ width: 160 }}
              options={KNOWN_BIZ_STEPS.map((s) => ({ value: s, label: bizStepLabel(s, t) }))}
            />
          </Form.Item>
          <Form.Item name="location">
            <Input allowClear placeholder={t('identifiers.events.location')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form.Item>
        </Form>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items}
            data-testid="event-table"
            scroll={{ x: true }}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('identifiers.events.empty')} /> }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            columns={[
              {
                title: t('identifiers.events.time'),
                dataIndex: 'eventTime',
                render: (v: string, r) => `${eventLocalTime(v, r.eventTimeZoneOffset)} (${r.eventTimeZoneOffset})`,
                width: 200,
              },
              {
                title: t('identifiers.events.type'),
                dataIndex: 'type',
                render: (v: string, r) => (
                  <>
                    <Tag>{v}</Tag>
                    {r.action}
                  </>
                ),
              },
              {
                title: t('identifiers.events.bizStep'),
                dataIndex: 'bizStep',
                render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{bizStepLabel(v, t)}</span>,
              },
              {
                title: t('identifiers.events.epcs'),
                dataIndex: 'epcs',
                render: (epcs: string[]) => <EpcList epcs={epcs.filter((e) => !e.startsWith(LOCATION_KEY))} />,
              },
              {
                title: t('identifiers.events.location'),
                key: 'where',
                render: (_, r) => (
                  <span className="zz-mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {r.bizLocationCode ?? r.bizLocation ?? r.readPoint ?? '—'}
                  </span>
                ),
              },
              { title: t('identifiers.events.enterprise'), dataIndex: 'enterpriseName', render: (v: string | null) => v ?? '—' },
              {
                title: '',
                key: 'raw',
                render: (_, r) => (
                  <Button size="small" type="link" onClick={() => setShown(r)}>
                    {t('identifiers.events.raw')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </div>
      <Drawer open={!!shown} size={640} title={t('identifiers.events.raw')} onClose={() => setShown(null)}>
        <pre className="zz-mono" style={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {shown ? JSON.stringify(shown.event, null, 2) : ''}
        </pre>
      </Drawer>
    </Page>
  );
}

function EpcList({ epcs }: { epcs: string[] }) {
  const t = useT();
  if (!epcs.length) return <>—</>;
  return (
    <span className="zz-mono" style={{ fontSize: 12 }}>
      {epcs.slice(0, 2).map(showIdentifier).join(', ')}
      {epcs.length > 2 && <Tag style={{ marginLeft: 4 }}>{t('identifiers.events.more', { n: epcs.length - 2 })}</Tag>}
    </span>
  );
}

import '../trace.css';
import { Card, Descriptions, Empty, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useLocation } from 'react-router';
import { ApiError, errorMessage } from '../../../app/api/client.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../../../app/layout/HeaderBar.tsx';
import { bizStepLabel, dispositionLabel } from '../bizSteps.ts';
import { eventLocalTime } from '../labels.tsx';
import { useTrace } from '../queries.ts';
import type { TraceView } from '../traceApi.ts';

/** The id after /trace/: a handle (`88.999.1/ABC`) or a GS1 Digital Link path (`01/<gtin>/21/<serial>`). */
function traceIdOf(pathname: string): string {
  const rest = pathname.replace(/^\/trace\/?/, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

/**
 * What a consumer sees after scanning a product's QR code: the product's public data and its journey.
 * No login; the server returns only public values and events stripped of locations and quantities.
 */
export function TracePage() {
  const { t } = useI18n();
  const id = traceIdOf(useLocation().pathname);
  const trace = useTrace(id);

  return (
    <div className="zz-trace" data-testid="trace-page">
      <header className="zz-trace-head">
        <div>
          <strong>{t('identifiers.trace.brand')}</strong>
          <small>{t('identifiers.trace.brandSub')}</small>
        </div>
        <LanguageSwitch />
      </header>
      <main className="zz-trace-body">
        {!id ? (
          <Result status="404" title={t('identifiers.trace.noId')} />
        ) : trace.isPending ? (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : trace.isError ? (
          <Result
            status={trace.error instanceof ApiError && trace.error.status === 404 ? '404' : 'error'}
            title={t(trace.error instanceof ApiError && trace.error.status === 404 ? 'identifiers.trace.unknown' : 'common.loadFailed')}
            subTitle={
              <span className="zz-trace-handle">
                {trace.error instanceof ApiError && trace.error.status === 404 ? id : errorMessage(trace.error)}
              </span>
            }
            data-testid="trace-error"
          />
        ) : (
          <TraceBody trace={trace.data} />
        )}
      </main>
      <footer className="zz-trace-foot">{t('identifiers.trace.footer')}</footer>
    </div>
  );
}

function TraceBody({ trace }: { trace: TraceView }) {
  const { t } = useI18n();
  const product = trace.product;
  const shownId = product?.handle ?? trace.handle ?? trace.digitalLink ?? trace.id;
  const events = [...trace.events].sort((a, b) => b.eventTime.localeCompare(a.eventTime));
  return (
    <>
      <Card
        title={t('identifiers.trace.product')}
        extra={product ? <Tag color="green">{t('identifiers.trace.verified')}</Tag> : null}
        data-testid="trace-product"
      >
        <div className="zz-trace-handle" style={{ marginBottom: 12 }}>
          {shownId}
        </div>
        {product ? (
          <Descriptions column={1} size="small" bordered styles={{ label: { width: '34%', whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('identifiers.trace.enterprise')}>{product.enterpriseName}</Descriptions.Item>
            {product.values.map((v) => (
              <Descriptions.Item key={v.index} label={v.name ?? (v.type === 'URL' ? t('identifiers.trace.url') : v.type)}>
                {v.type === 'URL' && /^https?:\/\//.test(v.value) ? (
                  <a href={v.value} rel="noopener noreferrer">
                    {v.value}
                  </a>
                ) : (
                  v.value
                )}
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('identifiers.trace.noRecord')}</Typography.Text>
        )}
      </Card>
      <Card title={t('identifiers.trace.journey', { n: trace.eventCount })} data-testid="trace-timeline">
        {events.length ? (
          <Timeline
            items={events.map((e, i) => ({
              key: i,
              color: i === 0 ? 'green' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>{e.bizStep ? bizStepLabel(e.bizStep, t) : e.type}</Typography.Text>
                  {e.disposition && <Tag style={{ marginLeft: 8 }}>{dispositionLabel(e.disposition, t)}</Tag>}
                  <div>
                    <Typography.Text type="secondary">{eventLocalTime(e.eventTime, e.eventTimeZoneOffset)}</Typography.Text>
                  </div>
                  {e.enterpriseName && (
                    <div>
                      <Typography.Text type="secondary">{e.enterpriseName}</Typography.Text>
                    </div>
                  )}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('identifiers.trace.noEvents')} />
        )}
      </Card>
    </>
  );
}

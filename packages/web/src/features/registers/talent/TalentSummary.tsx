import { useQuery } from '@tanstack/react-query';
import { CARRIER_KINDS, SKILL_HONOURS, TALENT_LEVELS, TALENT_PAYMENT_KINDS, type Label } from '@zhizao/domain';
import { Card, Col, Empty, InputNumber, List, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../app/api/client.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { formatWan } from '../../funding/money.ts';
import type { RegisterViewProps } from '../views.ts';

// The talent figures (seed §二.(五)) above the payments list: carriers by kind, honoured people by level,
// tenures ending soon, and a year's payments against the talent fund's envelopes — all computed by the
// server from rows and ledger lines (GET /api/registers/talent/figures).

interface Counted {
  count: number;
  [key: string]: string | number;
}
interface TalentFigures {
  year: number;
  carriers: { total: number; byKind: Counted[]; byLevel: Counted[] };
  honours: {
    people: number;
    byLevel: Counted[];
    warningDays: number;
    expiringCount: number;
    expiredCount: number;
    expiring: { id: number; personName: string; honour: string; employerName: string; tenureEnd: string }[];
  };
  payments: {
    kind: string;
    paidFen: number;
    payments: number;
    envelope: { name: string; amountFen: number; availableFen: number } | null;
  }[];
}

const labelOf = (options: readonly { value: string; label: Label }[], value: string | number) =>
  options.find((o) => o.value === value)?.label ?? { zh: String(value), en: String(value) };

export function TalentSummary(_props: RegisterViewProps) {
  const { t, pick, locale } = useI18n();
  const [year, setYear] = useState(2023);
  const { data } = useQuery({
    queryKey: ['registers', 'talent', 'figures', year],
    queryFn: () => api<TalentFigures>(`/api/registers/talent/figures?year=${year}`),
  });
  if (!data) return null;
  const counts = (rows: Counted[], key: string, options: readonly { value: string; label: Label }[]) => (
    <Space wrap size={[4, 4]}>
      {rows.map((r) => (
        <Tag key={String(r[key])}>
          {pick(labelOf(options, r[key]!))} {r.count}
        </Tag>
      ))}
    </Space>
  );
  return (
    <Card
      title={t('registers.talent.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="talent-summary"
      extra={
        <Space>
          {t('registers.talent.year')}
          <InputNumber aria-label={t('registers.talent.year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Statistic title={t('registers.talent.carriers')} value={data.carriers.total} />
          {counts(data.carriers.byKind, 'kind', CARRIER_KINDS)}
        </Col>
        <Col xs={24} md={8}>
          <Statistic title={t('registers.talent.people')} value={data.honours.people} />
          {counts(data.honours.byLevel, 'level', TALENT_LEVELS)}
        </Col>
        <Col xs={24} md={8}>
          {data.payments.map((p) => (
            <div key={p.kind} data-testid={`talent-paid-${p.kind}`}>
              <Statistic
                title={`${pick(labelOf(TALENT_PAYMENT_KINDS, p.kind))} · ${t('registers.talent.paid', { year: data.year })}`}
                value={formatWan(p.paidFen, locale)}
              />
              {p.envelope ? (
                <>
                  <Progress percent={Math.round((p.paidFen / Math.max(p.envelope.amountFen, 1)) * 100)} size="small" />
                  <Typography.Text type="secondary">
                    {t('registers.talent.ofEnvelope', {
                      amount: formatWan(p.envelope.amountFen, locale),
                      available: formatWan(p.envelope.availableFen, locale),
                    })}
                  </Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">{t('registers.talent.noEnvelope')}</Typography.Text>
              )}
            </div>
          ))}
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('registers.talent.expiring', { days: data.honours.warningDays })} · {data.honours.expiringCount}{' '}
        <Typography.Text type="secondary">{t('registers.talent.expired', { count: data.honours.expiredCount })}</Typography.Text>
      </Typography.Title>
      {data.honours.expiring.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.talent.expiringNone')} />
      ) : (
        <List
          size="small"
          dataSource={data.honours.expiring}
          renderItem={(h) => (
            <List.Item key={h.id}>
              {h.personName} · {pick(labelOf(SKILL_HONOURS, h.honour))} · {h.employerName}
              <Tag color="orange" style={{ marginLeft: 8 }}>
                {h.tenureEnd}
              </Tag>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

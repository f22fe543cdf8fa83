import { KPI_CODES, KPI_DEFINITIONS, kpiChange, type KpiCode, type KpiValue } from '@zhizao/domain';
import { InputNumber, Table, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Kpis } from '../api.ts';
import { formatChange, useRecognitionLabels } from '../labels.ts';

interface Props {
  kpis: Kpis;
  required: readonly KpiCode[];
  /** Absent: read-only. */
  onChange?(code: KpiCode, value: KpiValue): void;
  /** Required KPIs the server or the submit check found missing. */
  missing?: readonly KpiCode[];
}

/** KPIs before and after the project, the change computed as typed, required ones marked. */
export function KpiTable({ kpis, required, onChange, missing = [] }: Props) {
  const t = useT();
  const labels = useRecognitionLabels();
  const rows = KPI_CODES.map((code) => ({ code, value: kpis[code] ?? { before: null, after: null } }));
  const input = (code: KpiCode, value: KpiValue, side: 'before' | 'after') =>
    onChange ? (
      <InputNumber
        value={value[side]}
        min={0}
        max={KPI_DEFINITIONS[code].percent ? 100 : undefined}
        style={{ width: '100%' }}
        status={missing.includes(code) && value[side] === null ? 'error' : undefined}
        onChange={(v) => onChange(code, { ...value, [side]: typeof v === 'number' ? v : null })}
        data-testid={`kpi-${code}-${side}`}
      />
    ) : (
      (value[side] ?? '—')
    );
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="code"
      dataSource={rows}
      data-testid="kpi-table"
      scroll={{ x: true }}
      columns={[
        {
          title: t('recognition.kpi.indicator'),
          key: 'label',
          render: (_, r) => (
            <>
              {labels.kpi(r.code)}
              {required.includes(r.code) && <Typography.Text type="danger"> *</Typography.Text>}
            </>
          ),
        },
        { title: t('recognition.kpi.unit'), key: 'unit', render: (_, r) => labels.unit(r.code) },
        { title: t('recognition.kpi.before'), key: 'before', width: 160, render: (_, r) => input(r.code, r.value, 'before') },
        { title: t('recognition.kpi.after'), key: 'after', width: 160, render: (_, r) => input(r.code, r.value, 'after') },
        {
          title: t('recognition.kpi.change'),
          key: 'change',
          align: 'right',
          render: (_, r) => {
            const change = KPI_DEFINITIONS[r.code].percent ? null : kpiChange(r.value);
            if (KPI_DEFINITIONS[r.code].percent && r.value.before !== null && r.value.after !== null) {
              const points = r.value.after - r.value.before;
              return t('recognition.kpi.points', { n: `${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}` });
            }
            if (change === null) return '—';
            const good = KPI_DEFINITIONS[r.code].better === 'higher' ? change > 0 : change < 0;
            return <Tag color={change === 0 ? 'default' : good ? 'green' : 'red'}>{formatChange(change)}</Tag>;
          },
        },
      ]}
    />
  );
}

import { Col, DatePicker, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../actions.ts';
import type { AuditQuery } from '../api.ts';

type Filter = Omit<AuditQuery, 'page' | 'pageSize'>;

/** Who, what, which object, when: each filter narrows the server's query. */
export function AuditFilters({ onChange }: { onChange(patch: Filter): void }) {
  const { t, pick } = useI18n();
  const text = (key: 'actor' | 'entityId') => (value: string) => onChange({ [key]: value.trim() || undefined });
  return (
    <Row gutter={[12, 12]} className="zz-filters">
      <Col xs={24} md={12} xl={5}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder={t('audit.action')}
          options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: pick(label) }))}
          onChange={(action?: string) => onChange({ action })}
        />
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('audit.entityType')}
          options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label: pick(label) }))}
          onChange={(entityType?: string) => onChange({ entityType })}
        />
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Input.Search allowClear placeholder={t('audit.entityId')} onSearch={text('entityId')} />
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Input.Search allowClear placeholder={t('audit.actor')} onSearch={text('actor')} />
      </Col>
      <Col xs={24} xl={7}>
        <DatePicker.RangePicker
          showTime
          style={{ width: '100%' }}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            onChange({ from: range?.[0]?.toISOString() ?? undefined, to: range?.[1]?.toISOString() ?? undefined })
          }
        />
      </Col>
    </Row>
  );
}

import type { TemplateItem } from '@zhizao/domain';
import { Table, Tag } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/** A template version's items, read-only: what each value of an identifier must look like. */
export function TemplateItemsTable({ items }: { items: TemplateItem[] }) {
  const t = useT();
  const limits = (m: TemplateItem['metadata']) =>
    [
      m.minLength !== undefined || m.maxLength !== undefined
        ? t('identifiers.template.length', { min: m.minLength ?? 0, max: m.maxLength ?? '∞' })
        : null,
      m.minimum !== undefined || m.maximum !== undefined
        ? t('identifiers.template.range', { min: m.minimum ?? '-∞', max: m.maximum ?? '∞' })
        : null,
      m.pattern ? `/${m.pattern}/` : null,
    ]
      .filter(Boolean)
      .join(' · ') || '—';
  return (
    <Table
      rowKey="idIndex"
      size="small"
      pagination={false}
      dataSource={items}
      data-testid="template-items"
      scroll={{ x: true }}
      columns={[
        { title: t('identifiers.template.index'), dataIndex: 'idIndex', width: 90 },
        { title: t('identifiers.template.type'), dataIndex: 'type', render: (v: string) => <span className="zz-mono">{v}</span> },
        { title: t('identifiers.template.name'), dataIndex: 'name' },
        { title: t('identifiers.template.dataType'), key: 'dataType', render: (_, i) => t(`identifiers.dataType.${i.metadata.type}`) },
        {
          title: t('identifiers.template.required'),
          dataIndex: 'required',
          render: (r: boolean) => (r ? <Tag color="red">{t('identifiers.template.requiredYes')}</Tag> : null),
        },
        { title: t('identifiers.template.visibility'), dataIndex: 'public', render: (p: boolean) => <VisibilityTag isPublic={p} /> },
        { title: t('identifiers.template.constraints'), key: 'limits', render: (_, i) => limits(i.metadata) },
      ]}
    />
  );
}

export function VisibilityTag({ isPublic }: { isPublic: boolean }) {
  const t = useT();
  return isPublic ? <Tag color="green">{t('identifiers.value.public')}</Tag> : <Tag color="orange">{t('identifiers.value.private')}</Tag>;
}

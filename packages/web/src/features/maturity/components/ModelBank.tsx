import type { ModelVersion } from '@zhizao/domain';
import { Alert, Button, Form, Input, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { Requirement } from '../api.ts';
import { useModelMutations } from '../modelApi.ts';

interface Values {
  textZh: string;
  textEn: string;
  evidenceZh: string;
  evidenceEn: string;
  adviceZh: string;
  adviceEn: string;
  active: boolean;
}
const FIELDS = ['textZh', 'textEn', 'evidenceZh', 'evidenceEn', 'adviceZh', 'adviceEn', 'active'] as const;

/** The question bank, filtered by sub-domain and level; items editable on custom copies only. */
export function ModelBank({ def, requirements, editable }: { def: ModelVersion; requirements: Requirement[]; editable: boolean }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const [subDomain, setSubDomain] = useState<string | undefined>();
  const [level, setLevel] = useState<number | undefined>();
  const [editing, setEditing] = useState<Requirement | null>(null);
  const { requirement } = useModelMutations(def.id);
  const subNames = useMemo(
    () => new Map(def.domains.flatMap((d) => d.subDomains.map((s) => [s.code, s.name[lang]] as const))),
    [def, lang],
  );
  const rows = requirements.filter((r) => (!subDomain || r.subDomainCode === subDomain) && (!level || r.level === level));

  const columns: TableColumnsType<Requirement> = [
    { title: t('maturity.models.col.subDomain'), dataIndex: 'subDomainCode', render: (c: string) => `${c} ${subNames.get(c) ?? ''}` },
    { title: t('maturity.models.col.level'), dataIndex: 'level', render: (l: number) => `L${l}` },
    { title: t('maturity.models.col.text'), key: 'text', render: (_: unknown, r) => r.text[lang] },
    {
      title: t('maturity.models.col.active'),
      dataIndex: 'active',
      render: (a: boolean) => (a ? <Tag color="success">{t('maturity.models.active')}</Tag> : <Tag>{t('maturity.models.inactive')}</Tag>),
    },
  ];
  if (editable)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => setEditing(r)} data-testid="edit-requirement">
          {t('maturity.models.edit')}
        </Button>
      ),
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {!editable && <Alert type="info" showIcon title={t('maturity.models.bankReadOnly')} data-testid="bank-readonly" />}
      <Space wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 240 }}
          placeholder={t('maturity.models.filterSubDomain')}
          value={subDomain}
          onChange={setSubDomain}
          options={def.domains.flatMap((d) => d.subDomains.map((s) => ({ value: s.code, label: `${s.code} ${s.name[lang]}` })))}
          data-testid="bank-subdomain"
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('maturity.models.filterLevel')}
          value={level}
          onChange={setLevel}
          options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: `L${l}` }))}
          data-testid="bank-level"
        />
      </Space>
      <Table<Requirement>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('maturity.models.bankEmpty') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        data-testid="bank-table"
      />
      <FormModal<Values>
        name="requirement"
        open={!!editing}
        title={t('maturity.models.editTitle', { id: editing?.id ?? '' })}
        fields={FIELDS}
        testId="requirement-modal"
        initialValues={
          editing
            ? {
                textZh: editing.text.zh,
                textEn: editing.text.en,
                evidenceZh: editing.evidence.zh,
                evidenceEn: editing.evidence.en,
                adviceZh: editing.advice.zh,
                adviceEn: editing.advice.en,
                active: editing.active,
              }
            : undefined
        }
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          await requirement.mutateAsync({
            requirementId: editing!.id,
            body: {
              text: { zh: v.textZh, en: v.textEn },
              evidence: { zh: v.evidenceZh, en: v.evidenceEn },
              advice: { zh: v.adviceZh, en: v.adviceEn },
              active: v.active,
            },
          });
        }}
      >
        <Form.Item
          name="textZh"
          label={t('maturity.models.textZh')}
          rules={[{ required: true, whitespace: true, message: t('maturity.models.required') }]}
        >
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item
          name="textEn"
          label={t('maturity.models.textEn')}
          rules={[{ required: true, whitespace: true, message: t('maturity.models.required') }]}
        >
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="evidenceZh" label={t('maturity.models.evidenceZh')}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="evidenceEn" label={t('maturity.models.evidenceEn')}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="adviceZh" label={t('maturity.models.adviceZh')}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="adviceEn" label={t('maturity.models.adviceEn')}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="active" label={t('maturity.models.col.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

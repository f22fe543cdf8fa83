import {
  ENTERPRISE_NAME_MAX,
  ENTERPRISE_SELF_EDITABLE_FIELDS,
  MANUFACTURING_TYPE_LABELS,
  MANUFACTURING_TYPES,
  SIZE_CLASS_LABELS,
  SIZE_CLASSES,
  fieldLabel,
} from '@zhizao/domain';
import { Card, Col, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { EnterpriseFormValues } from '../form-values.ts';
import { useTaxonomyOptions } from '../taxonomy.ts';

interface Props {
  form: FormInstance<EnterpriseFormValues>;
  initialValues: EnterpriseFormValues;
  /** Enterprise users may change only their contacts, address and products. */
  selfEditOnly: boolean;
  onFinish(values: EnterpriseFormValues): void;
  footer: ReactNode;
}

type Field = keyof EnterpriseFormValues;
// Fields picked from a list are "chosen", not "filled in", in the required message.
const CHOICES: readonly Field[] = ['districtCode', 'sizeClass', 'manufacturingType'];
// Typing part of a name narrows the list.
const SEARCH = { optionFilterProp: 'label' } as const;

/** The enterprise's fields in four sections; the server's checks decide, the form only asks for the required. */
export function EnterpriseForm({ form, initialValues, selfEditOnly, onFinish, footer }: Props) {
  const { t, pick, locale } = useI18n();
  const taxonomy = useTaxonomyOptions();
  const locked = (f: Field) => selfEditOnly && !(ENTERPRISE_SELF_EDITABLE_FIELDS as readonly string[]).includes(f);
  const required = (f: Field) => [
    { required: true, message: t(CHOICES.includes(f) ? 'common.requiredChoice' : 'common.required', { field: fieldLabel(f, locale) }) },
  ];
  const item = (f: Field, control: ReactNode, options: { required?: boolean; span?: number } = {}) => (
    <Col xs={24} md={options.span ?? 12}>
      <Form.Item name={f} label={fieldLabel(f, locale)} rules={options.required ? required(f) : undefined}>
        {control}
      </Form.Item>
    </Col>
  );
  const choose = t('registry.form.select');

  return (
    <Form<EnterpriseFormValues>
      form={form}
      name="enterprise"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center' }}
    >
      <Card title={t('registry.detail.basic')} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          {item(
            'creditCode',
            <Input
              className="zz-mono"
              maxLength={18}
              placeholder={t('registry.form.creditCodePlaceholder')}
              disabled={locked('creditCode')}
            />,
            { required: true },
          )}
          {item('name', <Input maxLength={ENTERPRISE_NAME_MAX} showCount disabled={locked('name')} />, { required: true })}
          {item(
            'sizeClass',
            <Radio.Group
              disabled={locked('sizeClass')}
              optionType="button"
              options={SIZE_CLASSES.map((s) => ({ value: s, label: pick(SIZE_CLASS_LABELS[s]) }))}
            />,
            { required: true },
          )}
          {item(
            'manufacturingType',
            <Radio.Group
              disabled={locked('manufacturingType')}
              optionType="button"
              options={MANUFACTURING_TYPES.map((m) => ({ value: m, label: pick(MANUFACTURING_TYPE_LABELS[m]) }))}
            />,
            { required: true },
          )}
          {item(
            'industryCode',
            <Input
              className="zz-mono"
              maxLength={8}
              placeholder={t('registry.form.industryCodePlaceholder')}
              disabled={locked('industryCode')}
            />,
          )}
        </Row>
      </Card>
      <Card title={t('registry.detail.industry')} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          {item(
            'districtCode',
            <Select
              showSearch={SEARCH}
              placeholder={choose}
              options={taxonomy.districts}
              loading={taxonomy.loading}
              disabled={locked('districtCode')}
            />,
            { required: true },
          )}
          {item(
            'clusterCode',
            <Select
              allowClear
              showSearch={SEARCH}
              placeholder={choose}
              options={taxonomy.clusters}
              loading={taxonomy.loading}
              disabled={locked('clusterCode')}
            />,
          )}
          {item(
            'chainCodes',
            <Select
              mode="multiple"
              allowClear
              showSearch={SEARCH}
              placeholder={choose}
              options={taxonomy.chains}
              loading={taxonomy.loading}
              disabled={locked('chainCodes')}
            />,
            { span: 24 },
          )}
          {item('address', <Input maxLength={200} />, { span: 24 })}
          {item('mainProducts', <Input.TextArea rows={2} maxLength={200} showCount />, { span: 24 })}
        </Row>
      </Card>
      <Card title={t('registry.detail.contacts')} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          {item('contactName', <Input maxLength={50} />, { span: 8 })}
          {item('contactPhone', <Input maxLength={20} />, { span: 8 })}
          {item('contactEmail', <Input maxLength={100} />, { span: 8 })}
        </Row>
      </Card>
      {footer}
    </Form>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TEMPLATE_ITEM_MIN_INDEX, type TemplateDefinition, type TemplateItem } from '@zhizao/domain';
import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createTemplate, type TemplateInput } from '../api.ts';
import { showNestedErrors, type FieldPath } from '../form-errors.ts';
import { useInvalidateIdentifiers } from '../queries.ts';

const TOP_FIELDS = new Set([
  'version',
  'industryCategory',
  'industrySpecific',
  'industryTrade',
  'industrySubclass',
  'type',
  'description',
  'items',
]);

/** Drops empty limits (a cleared number box is null) so the server sees only the constraints that were set. */
function cleanItem(item: TemplateItem): TemplateItem {
  const metadata = Object.fromEntries(
    Object.entries(item.metadata).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as TemplateItem['metadata'];
  return { ...item, metadata };
}

/** Where a server complaint lands: a whole item's limits go on its maximum length box. */
const place = (path: FieldPath): FieldPath | null => {
  if (!TOP_FIELDS.has(String(path[0]))) return null;
  return path[0] === 'items' && path[2] === 'metadata' && path.length === 3 ? [...path, 'maxLength'] : path;
};

const newItem = (index: number): TemplateItem => ({
  idIndex: index,
  type: '',
  name: '',
  required: false,
  public: true,
  metadata: { type: 'string' },
});

/**
 * Writes a new template version. Versions are immutable once written, so editing means starting from
 * the latest version and saving under a new version name.
 */
export function TemplateEditor({
  prefix,
  base,
  open,
  onClose,
  onSaved,
}: {
  prefix: string;
  base: TemplateDefinition | null;
  open: boolean;
  onClose(): void;
  onSaved(version: string): void;
}) {
  const t = useT();
  const [form] = Form.useForm<TemplateInput>();
  const invalidate = useInvalidateIdentifiers();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const initial: Partial<TemplateInput> = base
    ? { ...base, version: '' }
    : {
        version: '1.0',
        industryCategory: 'C',
        type: 1,
        description: '',
        items: [{ ...newItem(TEMPLATE_ITEM_MIN_INDEX), type: 'name', name: t('identifiers.template.productName'), required: true }],
      };

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await createTemplate(prefix, { ...values, items: (values.items ?? []).map(cleanItem) });
      await invalidate();
      onSaved(saved.version);
    } catch (e) {
      if (!showNestedErrors(form, e, place)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const nextIndex = () =>
    Math.max(
      TEMPLATE_ITEM_MIN_INDEX - 1,
      ...((form.getFieldValue('items') as TemplateItem[] | undefined) ?? []).map((i) => i?.idIndex ?? 0),
    ) + 1;

  return (
    <Drawer
      open={open}
      size={920}
      title={t('identifiers.template.newVersion', { prefix })}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="template-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="template-error" />}
      {base && (
        <Alert type="info" showIcon title={t('identifiers.template.fromVersion', { version: base.version })} style={{ marginBottom: 16 }} />
      )}
      <Form<TemplateInput> form={form} name="template" layout="vertical" initialValues={initial}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="version"
              label={t('identifiers.template.version')}
              rules={required(t('identifiers.template.version'))}
              extra={t('identifiers.template.versionHint')}
            >
              <Input maxLength={128} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="type" label={t('identifiers.template.carrier')}>
              <Radio.Group
                options={[
                  { value: 1, label: t('identifiers.template.carrier1') },
                  { value: 2, label: t('identifiers.template.carrier2') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('identifiers.template.industry')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('identifiers.template.industryHint')}
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="industryCategory"
              label={t('identifiers.template.industryCategory')}
              rules={[
                ...required(t('identifiers.template.industryCategory')),
                { pattern: /^[A-T]$/, message: t('identifiers.template.industryCategoryRule') },
              ]}
            >
              <Input maxLength={1} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="industrySpecific"
              label={t('identifiers.template.industrySpecific')}
              rules={[
                ...required(t('identifiers.template.industrySpecific')),
                { pattern: /^\d{2}$/, message: t('identifiers.template.digits', { n: 2 }) },
              ]}
            >
              <Input maxLength={2} placeholder="34" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="industryTrade"
              label={t('identifiers.template.industryTrade')}
              rules={[
                ...required(t('identifiers.template.industryTrade')),
                { pattern: /^\d{3}$/, message: t('identifiers.template.digits', { n: 3 }) },
              ]}
            >
              <Input maxLength={3} placeholder="348" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="industrySubclass"
              label={t('identifiers.template.industrySubclass')}
              rules={[
                ...required(t('identifiers.template.industrySubclass')),
                { pattern: /^\d{4}$/, message: t('identifiers.template.digits', { n: 4 }) },
              ]}
            >
              <Input maxLength={4} placeholder="3484" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('identifiers.template.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Typography.Text strong>{t('identifiers.template.items')}</Typography.Text>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div data-testid="template-item-editor">
              {fields.map((field) => (
                <div key={field.key} className="zz-card" style={{ border: '1px solid #f0f0f0', padding: '12px 16px', margin: '8px 0' }}>
                  <Row gutter={12} align="top">
                    <Col xs={8} md={4}>
                      <Form.Item
                        name={[field.name, 'idIndex']}
                        label={t('identifiers.template.index')}
                        rules={[
                          ...required(t('identifiers.template.index')),
                          {
                            type: 'number',
                            min: TEMPLATE_ITEM_MIN_INDEX,
                            message: t('identifiers.template.indexRule', { min: TEMPLATE_ITEM_MIN_INDEX }),
                          },
                        ]}
                      >
                        <InputNumber precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={16} md={5}>
                      <Form.Item
                        name={[field.name, 'type']}
                        label={t('identifiers.template.type')}
                        rules={[
                          ...required(t('identifiers.template.type')),
                          { pattern: /^\S+$/, message: t('identifiers.template.typeRule') },
                        ]}
                      >
                        <Input maxLength={128} placeholder="name" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('identifiers.template.name')}
                        rules={required(t('identifiers.template.name'))}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'metadata', 'type']} label={t('identifiers.template.dataType')}>
                        <Select
                          options={(['string', 'number', 'date'] as const).map((d) => ({
                            value: d,
                            label: t(`identifiers.dataType.${d}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={2}>
                      <Form.Item name={[field.name, 'required']} label={t('identifiers.template.required')} valuePropName="checked">
                        <Switch size="small" />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={2}>
                      <Form.Item name={[field.name, 'public']} label={t('identifiers.value.public')} valuePropName="checked">
                        <Switch size="small" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={2} style={{ textAlign: 'right', paddingTop: 30 }}>
                      <Button
                        danger
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('identifiers.template.removeItem')}
                      />
                    </Col>
                  </Row>
                  <Row gutter={12}>
                    {(['minLength', 'maxLength', 'minimum', 'maximum'] as const).map((k) => (
                      <Col xs={12} md={4} key={k}>
                        <Form.Item name={[field.name, 'metadata', k]} label={t(`identifiers.template.${k}`)} style={{ marginBottom: 0 }}>
                          <InputNumber
                            style={{ width: '100%' }}
                            precision={k.endsWith('Length') ? 0 : undefined}
                            min={k.endsWith('Length') ? 0 : undefined}
                          />
                        </Form.Item>
                      </Col>
                    ))}
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'metadata', 'pattern']}
                        label={t('identifiers.template.pattern')}
                        style={{ marginBottom: 0 }}
                      >
                        <Input className="zz-mono" maxLength={200} placeholder="^[A-Z0-9-]+$" />
                      </Form.Item>
                    </Col>
                  </Row>
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newItem(nextIndex()))} data-testid="template-add-item">
                {t('identifiers.template.addItem')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

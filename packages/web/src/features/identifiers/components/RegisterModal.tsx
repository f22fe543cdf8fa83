import { DEFAULT_PERMISSIONS as PUBLIC, PRIVATE_PERMISSIONS as PRIVATE, type TemplateItem } from '@zhizao/domain';
import { Alert, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../../app/api/client.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { registerIdentifier, type ValueInput } from '../api.ts';
import { showNestedErrors, type FieldPath } from '../form-errors.ts';
import { useInvalidateIdentifiers, useTemplate, useTemplates } from '../queries.ts';
import { VisibilityTag } from './TemplateItemsTable.tsx';

interface Values {
  suffix: string;
  templateVersion: string;
  url?: string;
  values: Record<string, string | undefined>;
}

const key = (index: number) => `i${index}`;

// Refusals about the handle itself go on the suffix field; a value's problem names its index in the message, shown above the form.
const HANDLE_PROBLEMS = new Set([
  'identifiers.handleInvalid',
  'identifiers.handleExists',
  'identifiers.problem.handleInvalid',
  'identifiers.problem.exists',
  'identifiers.problem.foreignPrefix',
]);
const place = (path: FieldPath): FieldPath | null => (path[0] === 'templateVersion' ? path : null);

/** One identifier, registered with the form its template version describes: one field per item, with its rules. */
export function RegisterModal({
  prefix,
  open,
  onClose,
  onRegistered,
}: {
  prefix: string;
  open: boolean;
  onClose(): void;
  onRegistered(handle: string): void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateIdentifiers();
  const templates = useTemplates(prefix);
  const version = Form.useWatch('templateVersion', form);
  const template = useTemplate(prefix, version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = templates.data?.items[0]?.version;

  useEffect(() => {
    if (open && latest && !form.getFieldValue('templateVersion')) form.setFieldValue('templateVersion', latest);
  }, [open, latest, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !template.data) return;
    setBusy(true);
    setError(null);
    const handle = `${prefix}/${v.suffix.trim()}`;
    const values: ValueInput[] = template.data.items
      .filter((item) => (v.values?.[key(item.idIndex)] ?? '') !== '')
      .map((item) => ({
        index: item.idIndex,
        type: item.type,
        data: v.values[key(item.idIndex)]!,
        permissions: item.public ? PUBLIC : PRIVATE,
      }));
    if (v.url) values.unshift({ index: 1, type: 'URL', data: v.url, permissions: PUBLIC });
    try {
      await registerIdentifier({ handle, templateVersion: v.templateVersion, values });
      await invalidate();
      form.resetFields();
      onRegistered(handle);
    } catch (e) {
      if (e instanceof ApiError && HANDLE_PROBLEMS.has(e.code)) form.setFields([{ name: 'suffix', errors: [e.message] }]);
      else if (!showNestedErrors(form, e, place)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const rules = (item: TemplateItem) => {
    const m = item.metadata;
    return [
      ...(item.required ? [{ required: true, message: t('common.required', { field: item.name }) }] : []),
      ...(m.pattern ? [{ pattern: safePattern(m.pattern), message: t('identifiers.register.pattern', { pattern: m.pattern }) }] : []),
      ...(m.maxLength !== undefined ? [{ max: m.maxLength, message: t('identifiers.register.maxLength', { n: m.maxLength }) }] : []),
      ...(m.minLength !== undefined ? [{ min: m.minLength, message: t('identifiers.register.minLength', { n: m.minLength }) }] : []),
    ];
  };

  return (
    <Modal
      open={open}
      title={t('identifiers.register.title', { prefix })}
      okText={t('identifiers.register.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      width={640}
      data-testid="register-modal"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="register-error" />}
      <Form<Values> form={form} name="register" layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="suffix"
          label={t('identifiers.register.suffix')}
          extra={t('identifiers.register.suffixHint', { prefix })}
          rules={[{ required: true, message: t('common.required', { field: t('identifiers.register.suffix') }) }]}
        >
          <Input addonBefore={`${prefix}/`} maxLength={200} className="zz-mono" />
        </Form.Item>
        <Form.Item
          name="templateVersion"
          label={t('identifiers.register.template')}
          rules={[{ required: true, message: t('common.requiredChoice', { field: t('identifiers.register.template') }) }]}
        >
          <Select
            options={(templates.data?.items ?? []).map((v) => ({ value: v.version, label: v.version }))}
            notFoundContent={t('identifiers.template.empty')}
          />
        </Form.Item>
        {template.data?.items.map((item) => (
          <Form.Item
            key={item.idIndex}
            name={['values', key(item.idIndex)]}
            label={
              <Space size={4}>
                {item.name}
                <span className="zz-mono" style={{ color: '#8c8c8c' }}>{`${item.idIndex} · ${item.type}`}</span>
                <VisibilityTag isPublic={item.public} />
              </Space>
            }
            rules={rules(item)}
          >
            <Input placeholder={item.metadata.type === 'date' ? 'YYYY-MM-DD' : item.metadata.type === 'number' ? '0' : undefined} />
          </Form.Item>
        ))}
        <Form.Item
          name="url"
          label={t('identifiers.register.url')}
          extra={t('identifiers.register.urlHint')}
          rules={[{ type: 'url', message: t('identifiers.register.urlRule') }]}
        >
          <Input placeholder="https://" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** A template pattern the browser cannot compile is left to the server to judge. */
function safePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

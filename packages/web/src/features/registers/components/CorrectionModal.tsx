import type { EntryValues, RegisterDefinition } from '@zhizao/domain';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { proposeCorrection, type Entry } from '../api.ts';
import { useInvalidateRegisters } from '../queries.ts';
import { bodyOf, EntryFields, initialValuesOf } from './EntryFields.tsx';

/** A firm proposes a correction to one of its own rows: the fields as they are, changed where wrong, and a reason. */
export function CorrectionModal({ definition, entry, onClose }: { definition: RegisterDefinition; entry: Entry; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [sending, setSending] = useState(false);
  const invalidate = useInvalidateRegisters();
  const editable = definition.fields.filter((f) => f.type !== 'enterprise' && f.type !== 'district');
  const current = initialValuesOf(definition, entry, null);

  const send = async () => {
    const { reason, ...values } = (await form.validateFields()) as Record<string, unknown> & { reason: string };
    const body = bodyOf(definition, values);
    const changes: EntryValues = Object.fromEntries(
      editable.filter((f) => body[f.key] !== current[f.key]).map((f) => [f.key, body[f.key] ?? null]),
    );
    if (Object.keys(changes).length === 0) {
      void message.warning(t('registers.correction.nothing'));
      return;
    }
    setSending(true);
    try {
      await proposeCorrection(definition.key, entry.id, changes, reason);
      await invalidate();
      void message.success(t('registers.correction.sent'));
      onClose();
    } catch (error) {
      const named = showServerErrors(form, error, editable.map((f) => f.key).concat('reason'));
      if (!named) void message.error(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('registers.correction.title', { title: entry.title })}
      onCancel={onClose}
      onOk={() => void send()}
      confirmLoading={sending}
      okButtonProps={{ 'data-testid': 'correction-send' } as never}
    >
      <Typography.Paragraph type="secondary">{t('registers.correction.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={current} data-testid="correction-form">
        <EntryFields definition={definition} entry={entry} fields={editable} />
        <Form.Item
          name="reason"
          label={t('registers.correction.reason')}
          rules={[{ required: true, message: t('common.required', { field: t('registers.correction.reason') }) }]}
        >
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2 }} data-testid="correction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

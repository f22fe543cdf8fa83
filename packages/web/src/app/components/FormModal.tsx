import { Alert, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { showServerErrors } from '../api/form-errors.ts';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props<T> {
  /** The form's name: field ids become `<name>_<field>`. */
  name: string;
  open: boolean;
  title: ReactNode;
  okText?: string;
  /** Field names on this form, so a server refusal naming one lands on it. */
  fields: readonly string[];
  initialValues?: Partial<T>;
  onSubmit(values: T): Promise<void>;
  onClose(): void;
  children: ReactNode;
  testId?: string;
}

/** A small form in a dialog: validates, submits, shows the server's refusal on its field, closes on success. */
export function FormModal<T extends object>({
  name,
  open,
  title,
  okText,
  fields,
  initialValues,
  onSubmit,
  onClose,
  children,
  testId,
}: Props<T>) {
  const t = useT();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      if (!showServerErrors(form, e, fields)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      // A fresh form on every opening, starting from that opening's initial values.
      destroyOnHidden
      data-testid={testId}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<T> form={form} name={name} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
        {children}
        {/* Enter in a field submits, as in any form. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

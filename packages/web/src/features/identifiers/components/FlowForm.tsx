import { Alert, Button, Col, Form, Input, InputNumber, Row, Segmented, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useInvalidateIdentifiers } from '../queries.ts';
import { FLOW_STEPS, recordFlow, type FlowInput, type FlowStep } from '../traceApi.ts';

const FIELDS = ['product', 'quantity', 'uom', 'from', 'to', 'bizTransaction'] as const;
/** UN/CEFACT Rec. 20 unit codes the server takes (no unit = a count of items). */
const UNITS = ['KGM', 'TNE', 'LTR', 'MTR', 'MTK', 'BX', 'PK'] as const;
/** Which locations a step names: goods arrive into `to`, move `from` → `to`, or leave `from` (API-NOTES.md, warehouse flows). */
const NEEDS: Record<FlowStep, { from: boolean; to: boolean }> = {
  receiving: { from: false, to: true },
  storing: { from: true, to: true },
  picking: { from: true, to: true },
  shipping: { from: true, to: false },
};

/** Records one warehouse movement as an EPCIS event; on refusal (not enough stock) the typed values stay for correction. */
export function FlowForm({ onRecorded }: { onRecorded(): void }) {
  const t = useT();
  const [form] = Form.useForm<Omit<FlowInput, 'step'>>();
  const invalidate = useInvalidateIdentifiers();
  const [step, setStep] = useState<FlowStep>('receiving');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const needs = NEEDS[step];

  const submit = async (values: Omit<FlowInput, 'step'>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const body: FlowInput = {
        step,
        product: values.product.trim(),
        quantity: values.quantity,
        uom: values.uom || undefined,
        bizTransaction: values.bizTransaction?.trim() || undefined,
      };
      if (needs.from) body.from = values.from?.trim();
      if (needs.to) body.to = values.to?.trim();
      await recordFlow(body);
      await invalidate();
      setDone(t('identifiers.warehouse.recorded', { step: t(`identifiers.bizStep.${step}`) }));
      form.setFieldsValue({ quantity: undefined, bizTransaction: undefined });
      onRecorded();
    } catch (e) {
      if (!showServerErrors(form, e, FIELDS)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  return (
    <Form
      form={form}
      name="flow"
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ quantity: 1 }}
      data-testid="flow-form"
    >
      <Form.Item label={t('identifiers.warehouse.step')}>
        <Segmented<FlowStep>
          value={step}
          onChange={setStep}
          options={FLOW_STEPS.map((s) => ({ value: s, label: t(`identifiers.bizStep.${s}`) }))}
          data-testid="flow-step"
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="flow-error" />}
      {done && <Alert type="success" showIcon title={done} style={{ marginBottom: 16 }} closable onClose={() => setDone(null)} />}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="product"
            label={t('identifiers.warehouse.product')}
            extra={t('identifiers.warehouse.productHint')}
            rules={required(t('identifiers.warehouse.product'))}
          >
            <Input className="zz-mono" placeholder="88.999.1/…" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="quantity"
            label={t('identifiers.warehouse.quantity')}
            rules={[
              ...required(t('identifiers.warehouse.quantity')),
              { type: 'number', min: 0.000001, message: t('identifiers.warehouse.quantityRule') },
            ]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="uom" label={t('identifiers.warehouse.uom')}>
            <Select
              allowClear
              placeholder={t('identifiers.warehouse.uomHint')}
              options={UNITS.map((u) => ({ value: u, label: `${u} · ${t(`identifiers.unit.${u}`)}` }))}
            />
          </Form.Item>
        </Col>
        {needs.from && (
          <Col xs={24} md={8}>
            <Form.Item name="from" label={t('identifiers.warehouse.from')} rules={required(t('identifiers.warehouse.from'))}>
              <Input className="zz-mono" placeholder="WH1-A01" />
            </Form.Item>
          </Col>
        )}
        {needs.to && (
          <Col xs={24} md={8}>
            <Form.Item name="to" label={t('identifiers.warehouse.to')} rules={required(t('identifiers.warehouse.to'))}>
              <Input className="zz-mono" placeholder="WH1-A01" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item name="bizTransaction" label={t('identifiers.warehouse.bizTransaction')}>
            <Input maxLength={100} placeholder="PO-2026-001" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="flow-submit">
        {t('identifiers.warehouse.record')}
      </Button>
    </Form>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { INVESTMENT_ITEMS } from '@zhizao/domain';
import { Alert, Button, Checkbox, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../app/api/client.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createPolicy, type Policy } from '../api.ts';
import { useFundingLabels } from '../labels.ts';
import { POLICY_FIELD_OF, POLICY_FORM_FIELDS, policyFormValues, policyInputOf, type PolicyFormValues } from '../policy-form.ts';
import { useInvalidateFunding } from '../queries.ts';
import { YEAR_OPTIONS } from '../years.ts';
import { MoneyInput } from './MoneyInput.tsx';

/**
 * Writes a new policy version (or a new policy): versions are immutable, so "edit" means "save as the
 * next version of this code"; awards keep the version they were calculated under.
 */
export function PolicyEditor({ from, open, onClose }: { from: Policy | null; open: boolean; onClose(): void }) {
  const t = useT();
  const labels = useFundingLabels();
  const invalidate = useInvalidateFunding();
  const [form] = Form.useForm<PolicyFormValues>();
  const mode = Form.useWatch('mode', form);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (v: PolicyFormValues) => {
    setBusy(true);
    setFailure(null);
    try {
      await createPolicy(policyInputOf(v));
      await invalidate();
      onClose();
    } catch (e) {
      // The typed rules stay; each problem goes to the field it names, the rest above the form.
      const problems =
        e instanceof ApiError ? (e.details.length ? e.details : e.field ? [{ field: e.field, message: e.message }] : []) : [];
      const placed = problems.flatMap((p) => {
        const name = POLICY_FIELD_OF[p.field] ?? POLICY_FORM_FIELDS.find((f) => f === p.field);
        return name ? [{ name, errors: [p.message] }] : [];
      });
      if (placed.length) form.setFields(placed);
      if (placed.length < problems.length || !problems.length) setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      size={720}
      title={t(from ? 'funding.policies.newVersion' : 'funding.policies.new')}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => visible && setFailure(null)}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="save-policy">
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="policy-editor"
    >
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure} data-testid="policy-error" />}
      {from && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('funding.policies.versionHint', { code: from.code, version: from.version + 1 })}
        />
      )}
      <Form<PolicyFormValues>
        form={form}
        name="policy"
        layout="vertical"
        initialValues={policyFormValues(from)}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="code" label={t('funding.policies.code')} rules={labels.required(t('funding.policies.code'))}>
              <Input maxLength={40} className="zz-mono" disabled={!!from} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t('funding.funds.name')} rules={labels.required(t('funding.funds.name'))}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="year" label={t('funding.field.year')}>
              <Select allowClear options={YEAR_OPTIONS} placeholder={t('funding.any')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="basis" label={t('funding.policies.basis')}>
              <Input maxLength={200} placeholder={t('funding.policies.basisHint')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="qualifyingKinds"
          label={t('funding.policies.qualifyingKinds')}
          rules={labels.required(t('funding.policies.qualifyingKinds'))}
        >
          <Checkbox.Group options={labels.kindOptions} />
        </Form.Item>
        <Form.Item
          name="eligibleItems"
          label={t('funding.policies.eligibleItems')}
          rules={labels.required(t('funding.policies.eligibleItems'))}
        >
          <Checkbox.Group options={INVESTMENT_ITEMS.map((i) => ({ value: i, label: labels.item(i) }))} />
        </Form.Item>
        <Form.Item name="mode" label={t('funding.policies.rate')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'flat', label: t('funding.policies.flat') },
              { value: 'tiered', label: t('funding.policies.tiered') },
            ]}
          />
        </Form.Item>
        {mode === 'flat' ? (
          <Form.Item name="ratePct" label={t('funding.policies.ratePct')} rules={labels.required(t('funding.policies.ratePct'))}>
            <InputNumber<number> min={0} max={100} step={0.1} suffix="%" style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="tierBasis" label={t('funding.policies.tierBasis')}>
              <Radio.Group
                options={[
                  { value: 'whole', label: t('funding.policies.whole') },
                  { value: 'marginal', label: t('funding.policies.marginal') },
                ]}
              />
            </Form.Item>
            <Form.List name="bands">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Row gutter={8} key={field.key}>
                      <Col span={13}>
                        <Form.Item
                          name={[field.name, 'fromYuan']}
                          label={field.name === 0 ? t('funding.policies.bandFrom') : undefined}
                          style={{ marginBottom: 8 }}
                          rules={labels.required(t('funding.policies.bandFrom'))}
                        >
                          <MoneyInput />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item
                          name={[field.name, 'ratePct']}
                          label={field.name === 0 ? t('funding.policies.ratePct') : undefined}
                          style={{ marginBottom: 8 }}
                          rules={labels.required(t('funding.policies.ratePct'))}
                        >
                          <InputNumber<number> min={0} max={100} step={0.1} suffix="%" style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={3}>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          style={{ marginTop: field.name === 0 ? 30 : 0 }}
                          onClick={() => remove(field.name)}
                          aria-label={t('funding.remove')}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    style={{ marginBottom: 16 }}
                    onClick={() => add({ fromYuan: null, ratePct: null })}
                  >
                    {t('funding.policies.addBand')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="minInvestment" label={t('funding.policies.minInvestment')}>
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capPerProject" label={t('funding.policies.capPerProject')} extra={t('funding.policies.noCap')}>
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capPerEnterpriseYear" label={t('funding.policies.capPerEnterpriseYear')} extra={t('funding.policies.noCap')}>
              <MoneyInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

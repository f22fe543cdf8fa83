import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createFund, updateFund, type Fund } from '../api.ts';
import { useFundingLabels } from '../labels.ts';
import { fenOf, formatShare, yuanOf } from '../money.ts';
import { useInvalidateFunding } from '../queries.ts';
import { THIS_YEAR, YEAR_OPTIONS } from '../years.ts';
import { MoneyInput } from './MoneyInput.tsx';

interface Values {
  year: number;
  name: string;
  totalFen: number | null;
  envelopes: { id?: number; kind: 'smart_digital' | 'other'; name: string; amountFen: number | null }[];
}

/** A year's special fund and its envelopes; the 智改数转 share is shown as computed, never typed. */
export function FundFormModal({ fund, open, onClose }: { fund: Fund | null; open: boolean; onClose(): void }) {
  const t = useT();
  const labels = useFundingLabels();
  const invalidate = useInvalidateFunding();
  const initial: Values = fund
    ? {
        year: fund.year,
        name: fund.name,
        totalFen: yuanOf(fund.totalFen),
        envelopes: fund.envelopes.map((e) => ({ id: e.id, kind: e.kind, name: e.name, amountFen: yuanOf(e.amountFen) })),
      }
    : {
        year: THIS_YEAR,
        name: t('funding.funds.defaultName', { year: THIS_YEAR }),
        totalFen: null,
        envelopes: [{ kind: 'smart_digital', name: t('funding.funds.smartDigital'), amountFen: null }],
      };
  const submit = async (v: Values) => {
    const input = {
      year: v.year,
      name: v.name.trim(),
      totalFen: fenOf(v.totalFen) ?? 0,
      envelopes: v.envelopes.map((e) => ({
        ...(e.id ? { id: e.id } : {}),
        kind: e.kind,
        name: e.name.trim(),
        amountFen: fenOf(e.amountFen) ?? 0,
      })),
    };
    await (fund ? updateFund(fund.id, input) : createFund(input));
    await invalidate();
  };
  return (
    <FormModal<Values>
      name="fund"
      open={open}
      title={t(fund ? 'funding.funds.edit' : 'funding.funds.new')}
      fields={['year', 'name', 'totalFen', 'envelopes']}
      initialValues={initial}
      onSubmit={submit}
      onClose={onClose}
      testId="fund-modal"
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="year" label={t('funding.field.year')} rules={labels.required(t('funding.field.year'))}>
            <Select options={YEAR_OPTIONS} disabled={!!fund} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t('funding.funds.name')} rules={labels.required(t('funding.funds.name'))}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="totalFen" label={t('funding.funds.total')} rules={labels.required(t('funding.funds.total'))}>
        <MoneyInput />
      </Form.Item>
      <Typography.Text strong>{t('funding.funds.envelopes')}</Typography.Text>
      <Form.List name="envelopes">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} style={{ marginTop: 8 }}>
                <Col span={7}>
                  <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 8 }}>
                    <Select options={(['smart_digital', 'other'] as const).map((k) => ({ value: k, label: t(`funding.envelope.${k}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'name']} style={{ marginBottom: 8 }} rules={labels.required(t('funding.funds.name'))}>
                    <Input maxLength={100} placeholder={t('funding.funds.name')} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[field.name, 'amountFen']} style={{ marginBottom: 8 }} rules={labels.required(t('funding.calc.amount'))}>
                    <MoneyInput />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('funding.remove')}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() => add({ kind: 'other', name: '', amountFen: null })}
            >
              {t('funding.funds.addEnvelope')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item shouldUpdate noStyle>
        {(form) => {
          const v = form.getFieldsValue() as Values;
          const total = fenOf(v.totalFen) ?? 0;
          const smart = (v.envelopes ?? []).filter((e) => e?.kind === 'smart_digital').reduce((s, e) => s + (fenOf(e?.amountFen) ?? 0), 0);
          return (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="fund-share-preview">
              {t('funding.funds.sharePreview', { amount: labels.wan(smart), share: total > 0 ? formatShare(smart / total) : '—' })}
            </Typography.Paragraph>
          );
        }}
      </Form.Item>
    </FormModal>
  );
}

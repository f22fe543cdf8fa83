import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { INVESTMENT_ITEMS } from '@zhizao/domain';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { EnterpriseSelect } from '../../accounts/components/EnterpriseSelect.tsx';
import { useFundingLabels } from '../labels.ts';
import { investmentOfForm, type ProjectFormValues } from '../project-form.ts';
import { YEAR_OPTIONS } from '../years.ts';
import { DateField } from './DateField.tsx';
import { EstimateCard } from './EstimateCard.tsx';
import { MoneyInput } from './MoneyInput.tsx';

interface Props {
  form: FormInstance<ProjectFormValues>;
  initialValues: ProjectFormValues;
  /** Officers register for an enterprise of their scope; an enterprise user only for itself. */
  chooseEnterprise: boolean;
  onFinish(values: ProjectFormValues): void;
  footer: ReactNode;
}

// Typing part of a label narrows a list, as on the enterprise form.
const SEARCH = { optionFilterProp: 'label' } as const;

/** The project's fields in four cards; the investment card estimates the award live beside it. */
export function ProjectForm({ form, initialValues, chooseEnterprise, onFinish, footer }: Props) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const values = Form.useWatch([], form) as Partial<ProjectFormValues> | undefined;
  const investment = investmentOfForm(values ?? {});
  const total = INVESTMENT_ITEMS.reduce((sum, i) => sum + investment[`${i}Fen`], 0);

  return (
    <Form<ProjectFormValues>
      form={form}
      name="project"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center' }}
    >
      <Card title={t('funding.form.basic')} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          {chooseEnterprise && (
            <Col xs={24} md={12}>
              <Form.Item
                name="enterpriseId"
                label={t('funding.field.enterprise')}
                rules={labels.required(t('funding.field.enterprise'), true)}
              >
                <EnterpriseSelect />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={chooseEnterprise ? 12 : 24}>
            <Form.Item name="name" label={t('funding.field.name')} rules={labels.required(t('funding.field.name'))}>
              <Input maxLength={100} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="year" label={t('funding.field.year')} rules={labels.required(t('funding.field.year'), true)}>
              <Select showSearch={SEARCH} options={YEAR_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="kind" label={t('funding.field.kind')} rules={labels.required(t('funding.field.kind'), true)}>
              <Select showSearch={SEARCH} options={labels.kindOptions} placeholder={t('funding.field.kind')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="description" label={t('funding.field.description')}>
              <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            title={t('funding.form.investment')}
            style={{ marginBottom: 16 }}
            extra={
              <Typography.Text strong data-testid="investment-total">
                {t('funding.form.totalHint', { total: labels.yuan(total) })}
              </Typography.Text>
            }
          >
            <Row gutter={24}>
              {INVESTMENT_ITEMS.map((item) => (
                <Col xs={24} md={12} key={item}>
                  <Form.Item name={`${item}Fen`} label={t(`funding.field.${item}Fen`)}>
                    <MoneyInput placeholder="0.00" />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <EstimateCard kind={values?.kind} investment={investment} />
        </Col>
      </Row>
      <Card title={t('funding.form.schedule')} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item name="startDate" label={t('funding.field.startDate')} rules={labels.required(t('funding.field.startDate'), true)}>
              <DateField />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="completionDate" label={t('funding.field.completionDate')}>
              <DateField />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={12} key={field.key} align="top">
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('funding.field.milestoneName')}
                      rules={labels.required(t('funding.field.milestoneName'))}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} md={6}>
                    <Form.Item
                      name={[field.name, 'dueDate']}
                      label={t('funding.field.dueDate')}
                      rules={labels.required(t('funding.field.dueDate'), true)}
                    >
                      <DateField />
                    </Form.Item>
                  </Col>
                  <Col xs={11} md={6}>
                    <Form.Item name={[field.name, 'doneDate']} label={t('funding.field.doneDate')}>
                      <DateField />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      style={{ marginTop: 30 }}
                      onClick={() => remove(field.name)}
                      aria-label={t('funding.remove')}
                    />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', dueDate: null, doneDate: null })}>
                {t('funding.form.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card title={t('funding.form.targets')} style={{ marginBottom: 16 }}>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={12} key={field.key} align="top">
                  <Col xs={12} md={3}>
                    <Form.Item
                      name={[field.name, 'code']}
                      label={t('funding.field.kpiCode')}
                      rules={labels.required(t('funding.field.kpiCode'))}
                    >
                      <Input maxLength={40} className="zz-mono" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('funding.field.kpiName')}
                      rules={labels.required(t('funding.field.kpiName'))}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={2}>
                    <Form.Item name={[field.name, 'unit']} label={t('funding.field.unit')}>
                      <Input maxLength={20} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item
                      name={[field.name, 'baseline']}
                      label={t('funding.field.baseline')}
                      rules={labels.required(t('funding.field.baseline'))}
                    >
                      <InputNumber<number> style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item
                      name={[field.name, 'target']}
                      label={t('funding.field.target')}
                      rules={labels.required(t('funding.field.target'))}
                    >
                      <InputNumber<number> style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={5}>
                    <Form.Item name={[field.name, 'direction']} label={t('funding.field.direction')}>
                      <Select options={(['up', 'down'] as const).map((d) => ({ value: d, label: t(`funding.field.${d}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      style={{ marginTop: 30 }}
                      onClick={() => remove(field.name)}
                      aria-label={t('funding.remove')}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', name: '', unit: '%', baseline: null, target: null, direction: 'up' })}
              >
                {t('funding.form.addTarget')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      {footer}
    </Form>
  );
}

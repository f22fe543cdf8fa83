import { DEFAULT_INDICATORS, KPI_CODES, RECOGNITION_KINDS, RECOGNITION_LEVELS } from '@zhizao/domain';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Programme, ProgrammeInput } from '../api.ts';
import { chinaToday, useRecognitionLabels } from '../labels.ts';
import { IndicatorEditor } from './IndicatorEditor.tsx';

type Values = Omit<ProgrammeInput, 'opensOn' | 'closesOn'> & { window: [Dayjs, Dayjs] };
const FIELDS = [
  'year',
  'kind',
  'level',
  'title',
  'window',
  'opensOn',
  'closesOn',
  'indicators',
  'requiredKpis',
  'noticeWorkingDays',
  'quota',
] as const;

const toValues = (p: ProgrammeInput): Values => ({ ...p, window: [dayjs(p.opensOn), dayjs(p.closesOn)] });
const toInput = ({ window, ...v }: Values): ProgrammeInput => ({
  ...v,
  quota: v.quota ?? null,
  opensOn: window[0].format('YYYY-MM-DD'),
  closesOn: window[1].format('YYYY-MM-DD'),
});

/** A new programme starts from the default indicator table and the seed's three benchmark KPIs. */
export function blankProgramme(): ProgrammeInput {
  const year = chinaToday().year();
  return {
    year,
    kind: 'smart_factory',
    level: 'municipal',
    title: '',
    opensOn: chinaToday().format('YYYY-MM-DD'),
    closesOn: chinaToday().add(2, 'month').format('YYYY-MM-DD'),
    gates: { minMaturityLevel: 2, aboveDesignatedSize: true, noSeriousIncident: true },
    indicators: DEFAULT_INDICATORS.map((i) => ({ ...i })),
    requiredKpis: ['cncRate', 'operatingCost', 'productivity'],
    noticeWorkingDays: 5,
    quota: null,
  };
}

/** The programme's settings: window, gates, indicator table, required KPIs. Typed values stay on refusal. */
export function ProgrammeForm({
  programme,
  initial,
  readOnly,
  onSave,
}: {
  programme?: Programme;
  initial: ProgrammeInput;
  readOnly: boolean;
  onSave(input: ProgrammeInput): Promise<unknown>;
}) {
  const t = useT();
  const labels = useRecognitionLabels();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await onSave(toInput(values));
    } catch (e) {
      if (!showServerErrors(form, e, FIELDS)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="programme"
      layout="vertical"
      initialValues={toValues(initial)}
      onFinish={(v) => void submit(v)}
      disabled={readOnly}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="programme-error" />}
      <Card title={t('recognition.prog.basics')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="year" label={t('recognition.prog.year')} rules={[{ required: true }]}>
              <InputNumber min={2015} max={2100} style={{ width: '100%' }} disabled={readOnly || !!programme} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="kind" label={t('recognition.prog.kind')} rules={[{ required: true }]}>
              <Select disabled={readOnly || !!programme} options={RECOGNITION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="level" label={t('recognition.prog.level')} rules={[{ required: true }]}>
              <Select disabled={readOnly || !!programme} options={RECOGNITION_LEVELS.map((l) => ({ value: l, label: labels.level(l) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="quota" label={t('recognition.prog.quota')}>
              <InputNumber min={1} style={{ width: '100%' }} placeholder={t('recognition.prog.noQuota')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t('recognition.prog.title')}
              rules={[{ required: true, whitespace: true, message: t('recognition.prog.titleRequired') }]}
            >
              <Input maxLength={200} data-testid="programme-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="window" label={t('recognition.prog.window')} rules={[{ required: true }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="noticeWorkingDays" label={t('recognition.prog.noticeDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('recognition.prog.gates')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['gates', 'minMaturityLevel']} label={t('recognition.prog.minMaturity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['gates', 'aboveDesignatedSize']} label={t('recognition.prog.aboveSize')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['gates', 'noSeriousIncident']} label={t('recognition.prog.noIncident')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="requiredKpis" label={t('recognition.prog.requiredKpis')}>
          <Checkbox.Group options={KPI_CODES.map((c) => ({ value: c, label: labels.kpi(c) }))} />
        </Form.Item>
      </Card>
      <Card title={t('recognition.prog.indicators')} style={{ marginBottom: 16 }}>
        <IndicatorEditor readOnly={readOnly} />
      </Card>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={busy} data-testid="programme-save">
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}

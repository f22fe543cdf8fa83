import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import type { Indicator } from '@zhizao/domain';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/**
 * The indicator table experts score against, edited inside the programme form (Form.List `indicators`):
 * code, names, weight in % (the sum shown live, 100 required), scoring guidance.
 */
export function IndicatorEditor({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const indicators = (Form.useWatch('indicators') ?? []) as Partial<Indicator>[];
  const sum = indicators.reduce((s, i) => s + (Number(i?.weight) || 0), 0);
  return (
    <Form.List name="indicators">
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            data-testid="indicator-table"
            scroll={{ x: true }}
            columns={[
              {
                title: t('recognition.ind.code'),
                key: 'code',
                width: 130,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'code']} noStyle rules={[{ required: true }]}>
                    <Input disabled={readOnly} />
                  </Form.Item>
                ),
              },
              {
                title: t('recognition.ind.nameZh'),
                key: 'nameZh',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'nameZh']} noStyle rules={[{ required: true }]}>
                    <Input disabled={readOnly} />
                  </Form.Item>
                ),
              },
              {
                title: t('recognition.ind.nameEn'),
                key: 'nameEn',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'nameEn']} noStyle rules={[{ required: true }]}>
                    <Input disabled={readOnly} />
                  </Form.Item>
                ),
              },
              {
                title: t('recognition.ind.weight'),
                key: 'weight',
                width: 110,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'weight']} noStyle rules={[{ required: true }]}>
                    <InputNumber min={1} max={100} disabled={readOnly} style={{ width: '100%' }} data-testid="indicator-weight" />
                  </Form.Item>
                ),
              },
              {
                title: t('recognition.ind.guidanceZh'),
                key: 'gz',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'guidanceZh']} noStyle>
                    <Input.TextArea autoSize disabled={readOnly} />
                  </Form.Item>
                ),
              },
              {
                title: t('recognition.ind.guidanceEn'),
                key: 'ge',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'guidanceEn']} noStyle>
                    <Input.TextArea autoSize disabled={readOnly} />
                  </Form.Item>
                ),
              },
              ...(readOnly
                ? []
                : [
                    {
                      title: '',
                      key: 'x',
                      width: 48,
                      render: (_: unknown, f: { name: number }) => (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label={t('recognition.ind.remove')}
                        />
                      ),
                    },
                  ]),
            ]}
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
            {!readOnly ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', nameZh: '', nameEn: '', weight: 10, guidanceZh: '', guidanceEn: '' })}
              >
                {t('recognition.ind.add')}
              </Button>
            ) : (
              <span />
            )}
            <Typography.Text type={Math.abs(sum - 100) < 1e-6 ? 'success' : 'danger'} data-testid="weight-sum">
              {t('recognition.ind.sum', { sum })}
            </Typography.Text>
          </div>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

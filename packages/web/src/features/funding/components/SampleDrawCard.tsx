import { Alert, Button, Card, Col, Form, Input, InputNumber, List, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { drawSample } from '../api.ts';
import { useAwards, useInvalidateFunding, useSampleDraws } from '../queries.ts';

/**
 * The second-review draw for one year: at least 30 % of the applications that passed preliminary review
 * (domain notes §5, "large items sampled, e.g. ≥ 30 %"); the seed is shown so anyone can redo the draw.
 */
export function SampleDrawCard({ year }: { year: number }) {
  const t = useT();
  const run = useAction();
  const invalidate = useInvalidateFunding();
  const draws = useSampleDraws(year);
  const waiting = useAwards({ status: 'preliminary_passed', year, page: 1, pageSize: 1 });
  const [ratio, setRatio] = useState<number | null>(30);
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  const count = waiting.data?.total ?? 0;

  const draw = async () => {
    setBusy(true);
    await run(
      async () => {
        const result = await drawSample({ year, ratio: (ratio ?? 30) / 100, ...(seed.trim() ? { seed: seed.trim() } : {}) });
        await invalidate();
        return result;
      },
      (r) => {
        const d = r as { selected: number[]; population: number[] };
        return t('funding.sample.drawn', { selected: d.selected.length, population: d.population.length });
      },
    );
    setBusy(false);
  };

  return (
    <Card title={`${t('funding.sample.title')} · ${year}`} style={{ marginBottom: 16 }} data-testid="sample-card">
      <Typography.Paragraph type="secondary">{t('funding.sample.hint')}</Typography.Paragraph>
      <Row gutter={16} align="bottom">
        <Col>
          <Form.Item label={t('funding.sample.ratio')} style={{ marginBottom: 8 }}>
            <InputNumber<number>
              min={30}
              max={100}
              value={ratio}
              onChange={setRatio}
              suffix="%"
              style={{ width: 110 }}
              data-testid="sample-ratio"
            />
          </Form.Item>
        </Col>
        <Col flex="auto">
          <Form.Item label={t('funding.sample.seed')} style={{ marginBottom: 8 }}>
            <Input value={seed} onChange={(e) => setSeed(e.target.value)} maxLength={64} className="zz-mono" data-testid="sample-seed" />
          </Form.Item>
        </Col>
        <Col>
          <Space style={{ marginBottom: 8 }}>
            <Tag>{t('funding.sample.waiting', { count })}</Tag>
            <Button type="primary" loading={busy} disabled={count === 0} onClick={() => void draw()} data-testid="draw-sample">
              {t('funding.sample.draw')}
            </Button>
          </Space>
        </Col>
      </Row>
      {draws.data && draws.data.length > 0 ? (
        <List
          size="small"
          dataSource={draws.data}
          data-testid="sample-draws"
          renderItem={(d) => (
            <List.Item>
              <Space wrap>
                <span>{d.at.slice(0, 16).replace('T', ' ')}</span>
                <span>{t('funding.sample.drawn', { selected: d.selected.length, population: d.population.length })}</span>
                <span>
                  {t('funding.sample.recordedSeed')}：
                  <Typography.Text code copyable className="zz-mono" data-testid="sample-seed-shown">
                    {d.seed}
                  </Typography.Text>
                </span>
                <span>
                  {t('funding.sample.selected')}：{d.selected.map((id) => `#${id}`).join('、') || '—'}
                </span>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Alert type="info" showIcon title={t('funding.sample.none')} />
      )}
    </Card>
  );
}

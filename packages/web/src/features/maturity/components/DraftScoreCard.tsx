import { Card, Progress, Space, Statistic, Typography } from 'antd';
import type { MaturityResult, ModelVersion } from '@zhizao/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { levelLabel } from '../bank.ts';
import { formatScore, useMaturityLabels } from '../labels.ts';

/** The live score beside the questionnaire: the level reached so far and every level's score against the pass line. */
export function DraftScoreCard({ model, result, extra }: { model: ModelVersion; result: MaturityResult; extra?: ReactNode }) {
  const { t, pick } = useI18n();
  const labels = useMaturityLabels();
  return (
    <Card title={t('maturity.draft.title')} size="small" data-testid="draft-score">
      <Space size="large">
        <Statistic
          title={t('maturity.draft.reached')}
          value={result.reachedLevel ? levelLabel(model, result.reachedLevel, pick) : labels.level(0)}
        />
        <Statistic title={t('maturity.report.total')} value={formatScore(result.totalScore)} />
      </Space>
      <div style={{ marginTop: 12 }}>
        {result.levels.map((l) => (
          <div key={l.level}>
            <Typography.Text type="secondary">
              {labels.level(l.level)} · {formatScore(l.score)}
            </Typography.Text>
            <Progress percent={Math.round((l.score ?? 0) * 100)} size="small" status={l.passed ? 'success' : 'normal'} format={() => ''} />
          </div>
        ))}
      </div>
      {extra}
    </Card>
  );
}

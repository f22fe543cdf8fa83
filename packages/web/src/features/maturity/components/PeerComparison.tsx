import { useQuery } from '@tanstack/react-query';
import { Progress, Space, Typography } from 'antd';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { fetchReportPeers } from '../bureauApi.ts';
import { formatScore } from '../labels.ts';

/** Per peer group (chain, district, type): the group average against this enterprise's score, and its percentile. */
export function PeerComparison({ assessmentId, score }: { assessmentId: number; score: number }) {
  const { t, pick } = useI18n();
  const peers = useQuery({ queryKey: ['maturity', 'peers', assessmentId], queryFn: () => fetchReportPeers(assessmentId) });
  if (peers.isError) return <LoadError error={peers.error} onRetry={() => void peers.refetch()} />;
  if (!peers.data) return <PageSkeleton rows={3} />;
  if (peers.data.length === 0) return <EmptyState description={t('maturity.peers.empty')} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="peer-comparison">
      {peers.data.map((g) => (
        <div key={`${g.kind}-${g.code}`} data-testid={`peer-${g.kind}`}>
          <Typography.Text strong>{`${t(`maturity.peers.kind.${g.kind}`)} · ${pick(g.name)}`}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t('maturity.peers.size', { n: g.size })}</Typography.Text>
          {g.hidden || g.average === null ? (
            <div>
              <Typography.Text type="secondary">{t('maturity.peers.hidden')}</Typography.Text>
            </div>
          ) : (
            <>
              <div style={{ display: 'grid', gridTemplateColumns: '110px 1fr', alignItems: 'center', columnGap: 8 }}>
                <span>{t('maturity.peers.own')}</span>
                <Progress percent={(score / 5) * 100} format={() => formatScore(score)} size="small" />
                <span>{t('maturity.peers.average')}</span>
                <Progress percent={(g.average / 5) * 100} format={() => formatScore(g.average)} size="small" strokeColor="#faad14" />
              </div>
              {g.percentile !== null && (
                <Typography.Text>{`${t('maturity.peers.percentile')}: ${Math.round(g.percentile)}%`}</Typography.Text>
              )}
            </>
          )}
        </div>
      ))}
    </Space>
  );
}

import { useQuery } from '@tanstack/react-query';
import { RECOGNITION_LEVEL_LABELS, TITLE_KINDS, TITLE_VALIDITIES, type RecognitionLevel } from '@zhizao/domain';
import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { fetchTitleTimeline, type TimelineItem } from './api.ts';

const VALIDITY_COLOUR: Record<string, string> = { valid: 'green', expiring: 'orange', expired: 'default', revoked: 'red' };

/** Every title the enterprise holds, the recognition ladder's among them, in the order won. */
export function TitleTimeline({ enterpriseId }: { enterpriseId: number }) {
  const { pick, t } = useI18n();
  const query = useQuery({ queryKey: ['registers', 'titles', 'timeline', enterpriseId], queryFn: () => fetchTitleTimeline(enterpriseId) });
  const kindLabel = (item: TimelineItem) =>
    item.source === 'ladder'
      ? t(item.kind === 'smart_factory' ? 'titles.kind.smart_factory' : 'titles.kind.digital_workshop')
      : pick(TITLE_KINDS.find((k) => k.value === item.kind)?.label ?? { zh: item.kind, en: item.kind });
  const validity = (value: string) => TITLE_VALIDITIES.find((v) => v.value === value)?.label;
  return (
    <Card title={t('titles.timeline.title')} loading={query.isPending} style={{ marginBottom: 16 }} data-testid="title-timeline">
      {query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data?.items.length ? (
        <Empty description={t('titles.timeline.empty')} />
      ) : (
        <Timeline
          items={query.data.items.map((item) => ({
            key: `${item.source}-${item.id}`,
            color: item.source === 'ladder' ? 'blue' : 'gray',
            children: (
              <div data-testid="timeline-item">
                <Space size={4} wrap>
                  <Typography.Text strong>{item.date ?? item.year}</Typography.Text>
                  <Tag>{pick(RECOGNITION_LEVEL_LABELS[item.level as RecognitionLevel] ?? { zh: item.level, en: item.level })}</Tag>
                  <Tag color={item.source === 'ladder' ? 'blue' : undefined}>
                    {item.source === 'ladder' ? `${t('titles.timeline.ladder')} · ${kindLabel(item)}` : kindLabel(item)}
                  </Tag>
                  {validity(item.validity) && <Tag color={VALIDITY_COLOUR[item.validity]}>{pick(validity(item.validity)!)}</Tag>}
                </Space>
                <div>{item.name}</div>
                <Typography.Text type="secondary">
                  {[item.awardingBody, item.reference, item.validUntil && t('titles.timeline.validUntil', { date: item.validUntil })]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

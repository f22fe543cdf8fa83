import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { NoticeStatusTag } from '../components/NoticeStatusTag.tsx';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { fetchPublicNotices } from '../publicApi.ts';

/** Published notices, newest first, each with its window: open ones accept real-name objections. */
export function PublicNoticesPage() {
  const t = useT();
  const notices = useQuery({ queryKey: ['public', 'recognition', 'notices'], queryFn: fetchPublicNotices });
  return (
    <PublicFrame>
      <Typography.Title level={3}>{t('recognition.public.notices')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('recognition.public.noticesIntro')}</Typography.Paragraph>
      {notices.isError ? (
        <LoadError error={notices.error} onRetry={() => void notices.refetch()} />
      ) : !notices.data ? (
        <PageSkeleton />
      ) : (
        <Card>
          <List
            dataSource={notices.data}
            locale={{ emptyText: <EmptyState description={t('recognition.public.noNotices')} /> }}
            renderItem={(n) => (
              <List.Item data-testid="public-notice">
                <List.Item.Meta
                  title={
                    <Space>
                      <Link to={`/public/recognition/notices/${n.id}`} data-testid="public-notice-link">
                        {n.title}
                      </Link>
                      <NoticeStatusTag status={n.status} />
                    </Space>
                  }
                  description={`${t('recognition.notice.windowText', { start: n.startsOn, end: n.endsOn, days: n.workingDays })} · ${t('recognition.public.itemCount', { count: n.items.length })}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </PublicFrame>
  );
}

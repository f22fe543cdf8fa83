import { Table, Tabs } from 'antd';
import { Link } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { CalendarSettings } from '../components/CalendarSettings.tsx';
import { NoticeStatusTag } from '../components/NoticeStatusTag.tsx';
import { formatTime } from '../labels.ts';
import { useNotices } from '../queries.ts';
import type { Notice } from '../reviewApi.ts';

/** Public notices (公示) with their windows in working days, and the calendar they are counted on. */
export function NoticeListPage() {
  const t = useT();
  const list = useNotices();
  const table = list.isError ? (
    <LoadError error={list.error} onRetry={() => void list.refetch()} />
  ) : (
    <div className="zz-card">
      <Table<Notice>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data}
        pagination={false}
        data-testid="notice-table"
        locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('recognition.notice.empty')} /> }}
        columns={[
          {
            title: t('recognition.notice.title'),
            key: 'title',
            render: (_, n) => (
              <Link to={`/recognition/notices/${n.id}`} data-testid="open-notice">
                {n.title}
              </Link>
            ),
          },
          {
            title: t('recognition.notice.window'),
            key: 'w',
            render: (_, n) => t('recognition.notice.windowText', { start: n.startsOn, end: n.endsOn, days: n.workingDays }),
          },
          { title: t('recognition.col.state'), key: 's', render: (_, n) => <NoticeStatusTag status={n.status} /> },
          { title: t('recognition.notice.items'), key: 'i', align: 'right', render: (_, n) => n.items.length },
          { title: t('recognition.notice.publishedAt'), key: 'p', render: (_, n) => formatTime(n.publishedAt) },
        ]}
      />
    </div>
  );
  return (
    <Page title={t('recognition.notice.listTitle')} subtitle={t('recognition.notice.listSubtitle')}>
      <Tabs
        items={[
          { key: 'notices', label: t('recognition.notice.listTitle'), children: table },
          { key: 'calendar', label: t('recognition.calendar.title'), children: <CalendarSettings /> },
        ]}
      />
    </Page>
  );
}

import { NotificationOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import type { Programme } from '../api.ts';
import { formatScore, useRecognitionLabels } from '../labels.ts';
import { useShortlist } from '../queries.ts';
import type { ShortlistItem } from '../reviewApi.ts';
import { PublishNoticeModal } from './PublishNoticeModal.tsx';
import { SpreadChart } from './SpreadChart.tsx';
import { StateTag } from './StateTag.tsx';

/** The ranked shortlist with each score's spread; shortlisted rows can be put in a public notice. */
export function ShortlistPanel({ programme }: { programme: Programme }) {
  const t = useT();
  const labels = useRecognitionLabels();
  const names = useTaxonomyNames();
  const list = useShortlist(programme.id);
  const [selected, setSelected] = useState<number[]>([]);
  const [publishing, setPublishing] = useState(false);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data ?? [];
  return (
    <div data-testid="shortlist">
      {items.length > 0 && <SpreadChart items={items} />}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', margin: '12px 0' }}>
        <Typography.Text type="secondary">{t('recognition.shortlist.hint')}</Typography.Text>
        <Button
          type="primary"
          icon={<NotificationOutlined />}
          disabled={!selected.length}
          onClick={() => setPublishing(true)}
          data-testid="publish-notice-button"
        >
          {t('recognition.notice.publishN', { count: selected.length })}
        </Button>
      </div>
      <Table<ShortlistItem>
        rowKey="applicationId"
        size="middle"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        data-testid="shortlist-table"
        locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('recognition.shortlist.empty')} /> }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (r) => ({ disabled: r.state !== 'shortlisted' }),
        }}
        columns={[
          { title: t('recognition.col.rank'), dataIndex: 'rank', width: 70 },
          {
            title: t('recognition.col.enterprise'),
            key: 'e',
            render: (_, r) => <Link to={`/recognition/applications/${r.applicationId}`}>{r.enterpriseName}</Link>,
          },
          { title: t('recognition.col.project'), dataIndex: 'projectName' },
          { title: t('recognition.col.district'), key: 'd', render: (_, r) => names.district(r.districtCode) },
          { title: t('recognition.score.final'), key: 's', align: 'right', render: (_, r) => <strong>{formatScore(r.score)}</strong> },
          {
            title: t('recognition.score.range'),
            key: 'r',
            align: 'right',
            render: (_, r) => `${formatScore(r.spread.min)} – ${formatScore(r.spread.max)}`,
          },
          { title: t('recognition.score.stddev'), key: 'sd', align: 'right', render: (_, r) => formatScore(r.spread.stddev) },
          {
            title: t('recognition.score.experts'),
            key: 'n',
            align: 'right',
            render: (_, r) =>
              r.spread.dropped ? <Tag color="blue">{t('recognition.score.nDropped', { n: r.spread.n })}</Tag> : r.spread.n,
          },
          { title: t('recognition.col.state'), key: 'st', render: (_, r) => <StateTag state={r.state} /> },
        ]}
      />
      <PublishNoticeModal
        programmeId={programme.id}
        applicationIds={selected}
        defaultDays={programme.noticeWorkingDays}
        defaultTitle={t('recognition.notice.defaultTitle', { programme: labels.programme(programme) })}
        open={publishing}
        onClose={() => {
          setPublishing(false);
          setSelected([]);
        }}
      />
    </div>
  );
}

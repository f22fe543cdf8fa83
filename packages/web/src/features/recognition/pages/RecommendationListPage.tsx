import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Form, Input, List, Radio, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { downloadPackFile, recordOutcome, type Recommendation } from '../ladderApi.ts';
import { chinaToday, formatTime, OUTCOME_COLORS, useRecognitionLabels } from '../labels.ts';
import { recognitionKeys, useRecommendations } from '../queries.ts';

const FILE_ICONS = {
  summary: <FileExcelOutlined />,
  'book-docx': <FileWordOutlined />,
  'book-pdf': <FilePdfOutlined />,
  data: <FileTextOutlined />,
};
type Item = Recommendation['items'][number];

/** Upward recommendation packs: the files sent with their SM3 hashes, and each outcome when it comes back. */
export function RecommendationListPage() {
  const t = useT();
  const list = useRecommendations();
  const [recording, setRecording] = useState<{ pack: Recommendation; item: Item } | null>(null);
  return (
    <Page title={t('recognition.recommend.listTitle')} subtitle={t('recognition.recommend.listSubtitle')}>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageSkeleton />
      ) : list.data.length === 0 ? (
        <div className="zz-card">
          <EmptyState description={t('recognition.recommend.empty')} />
        </div>
      ) : (
        list.data.map((r) => <Pack key={r.id} pack={r} onRecord={(item) => setRecording({ pack: r, item })} />)
      )}
      <OutcomeModal target={recording} onClose={() => setRecording(null)} />
    </Page>
  );
}

function Pack({ pack, onRecord }: { pack: Recommendation; onRecord(item: Item): void }) {
  const t = useT();
  const run = useAction();
  const labels = useRecognitionLabels();
  return (
    <Card
      id={`r${pack.id}`}
      title={t('recognition.recommend.packTitle', { year: pack.year, kind: labels.kind(pack.kind), level: labels.level(pack.targetLevel) })}
      style={{ marginBottom: 16 }}
      data-testid="pack"
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('recognition.recommend.createdAt')}>{formatTime(pack.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('recognition.recommend.snapshot')}>
          <Typography.Text className="zz-mono" copyable data-testid="pack-sm3">
            {pack.snapshotSm3}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        bordered
        header={<strong>{t('recognition.recommend.files')}</strong>}
        dataSource={pack.files}
        style={{ marginBottom: 12 }}
        renderItem={(f) => (
          <List.Item
            data-testid="pack-file"
            actions={[
              <Button
                key="d"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => void run(() => downloadPackFile(pack, f.name))}
                data-testid={`pack-download-${f.kind}`}
              >
                {t('recognition.files.download')}
              </Button>,
            ]}
          >
            <List.Item.Meta avatar={FILE_ICONS[f.kind]} title={f.name} description={<span className="zz-mono">SM3 {f.sm3}</span>} />
          </List.Item>
        )}
      />
      <Table<Item>
        rowKey="recognitionId"
        size="small"
        pagination={false}
        dataSource={pack.items}
        data-testid="pack-items"
        columns={[
          { title: t('recognition.col.rank'), dataIndex: 'rank', width: 70 },
          { title: t('recognition.col.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('recognition.col.project'), dataIndex: 'projectName' },
          {
            title: t('recognition.recommend.outcome'),
            key: 'o',
            render: (_, i) => (
              <Tag color={OUTCOME_COLORS[i.outcome]} data-testid="pack-outcome">
                {t(`recognition.outcome.${i.outcome}`)}
              </Tag>
            ),
          },
          { title: t('recognition.recommend.decidedOn'), key: 'd', render: (_, i) => i.decidedOn ?? '—' },
          {
            title: t('common.actions'),
            key: 'x',
            render: (_, i) =>
              i.outcome === 'pending' && (
                <Button size="small" onClick={() => onRecord(i)} data-testid="record-outcome">
                  {t('recognition.recommend.record')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function OutcomeModal({ target, onClose }: { target: { pack: Recommendation; item: Item } | null; onClose(): void }) {
  const t = useT();
  const queryClient = useQueryClient();
  return (
    <FormModal<{ outcome: 'approved' | 'declined'; decidedOn: Dayjs; recognitionNumber?: string; note?: string }>
      name="outcome"
      open={!!target}
      title={`${t('recognition.recommend.record')} · ${target?.item.enterpriseName ?? ''}`}
      fields={['outcome', 'decidedOn', 'recognitionNumber', 'note']}
      initialValues={{ decidedOn: chinaToday() }}
      onSubmit={async ({ decidedOn, ...v }) => {
        await recordOutcome(target!.pack.id, target!.item.recognitionId, { ...v, decidedOn: decidedOn.format('YYYY-MM-DD') });
        await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
      }}
      onClose={onClose}
    >
      <Form.Item
        name="outcome"
        label={t('recognition.recommend.outcome')}
        rules={[{ required: true, message: t('common.requiredChoice') }]}
      >
        <Radio.Group
          options={[
            { value: 'approved', label: t('recognition.outcome.approved') },
            { value: 'declined', label: t('recognition.outcome.declined') },
          ]}
        />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('recognition.recommend.decidedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="recognitionNumber" label={t('recognition.recommend.higherNumber')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="note" label={t('recognition.rec.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

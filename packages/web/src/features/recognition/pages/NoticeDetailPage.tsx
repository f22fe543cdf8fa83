import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { NoticeStatusTag } from '../components/NoticeStatusTag.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { chinaToday, formatScore, formatTime } from '../labels.ts';
import { recognitionKeys, useNotice } from '../queries.ts';
import { handleObjection, recordObjection, type NoticeItem, type Objection } from '../reviewApi.ts';

const STATUS_COLOR = { open: 'orange', upheld: 'red', dismissed: 'green' } as const;

/** One notice: the applications in it, and every objection with its handling (each needs an outcome). */
export function NoticeDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const notice = useNotice(id);
  const [handling, setHandling] = useState<Objection | null>(null);
  const [recording, setRecording] = useState(false);
  if (notice.isError) return <LoadError error={notice.error} onRetry={() => void notice.refetch()} />;
  if (!notice.data) return <PageSkeleton rows={10} />;
  const n = notice.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
  const itemName = (applicationId: number | null) =>
    n.items.find((i) => i.applicationId === applicationId)?.enterpriseName ?? t('recognition.objection.whole');

  return (
    <Page
      title={n.title}
      subtitle={<NoticeStatusTag status={n.status} />}
      crumbs={[{ title: t('menu.recognitionNotices'), to: '/recognition/notices' }, { title: n.title }]}
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('recognition.notice.window')}>
            <span data-testid="notice-window">
              {t('recognition.notice.windowText', { start: n.startsOn, end: n.endsOn, days: n.workingDays })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('recognition.notice.publishedAt')}>{formatTime(n.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.notice.public')}>
            <Link to={`/public/recognition/notices/${n.id}`} target="_blank">
              {t('recognition.notice.publicLink')}
            </Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('recognition.notice.items')} style={{ marginBottom: 16 }}>
        <Table<NoticeItem>
          rowKey="applicationId"
          size="small"
          pagination={false}
          dataSource={n.items}
          data-testid="notice-items"
          columns={[
            { title: t('recognition.col.rank'), key: 'r', width: 70, render: (_, i) => i.rank ?? '—' },
            {
              title: t('recognition.col.enterprise'),
              key: 'e',
              render: (_, i) => (
                <Link to={`/recognition/applications/${i.applicationId}`} data-testid="notice-application">
                  {i.enterpriseName}
                </Link>
              ),
            },
            { title: t('recognition.col.project'), dataIndex: 'projectName' },
            { title: t('recognition.col.district'), dataIndex: 'districtName' },
            { title: t('recognition.score.final'), key: 's', align: 'right', render: (_, i) => formatScore(i.score) },
            { title: t('recognition.col.state'), key: 'st', render: (_, i) => <StateTag state={i.state} /> },
          ]}
        />
      </Card>
      <Card
        title={t('recognition.objection.title')}
        extra={
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            disabled={n.status === 'upcoming'}
            data-testid="record-objection"
          >
            {t('recognition.objection.record')}
          </Button>
        }
      >
        <Table<Objection>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={n.objections}
          data-testid="objections"
          locale={{ emptyText: t('recognition.objection.none') }}
          expandable={{
            expandedRowRender: (o) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{o.text}</Typography.Paragraph>,
            rowExpandable: () => true,
          }}
          columns={[
            { title: t('recognition.objection.receivedOn'), dataIndex: 'receivedOn', width: 110 },
            { title: t('recognition.objection.about'), key: 'a', render: (_, o) => itemName(o.applicationId) },
            { title: t('recognition.objection.objector'), key: 'o', render: (_, o) => `${o.objectorName}（${o.contact}）` },
            { title: t('recognition.objection.channel'), key: 'c', render: (_, o) => t(`recognition.objection.${o.channel}`) },
            { title: t('recognition.objection.text'), key: 'tx', ellipsis: true, render: (_, o) => o.text },
            {
              title: t('recognition.col.state'),
              key: 's',
              render: (_, o) => (
                <Tag color={STATUS_COLOR[o.status]} data-testid="objection-status">
                  {t(`recognition.objection.${o.status}`)}
                </Tag>
              ),
            },
            { title: t('recognition.objection.outcome'), key: 'oc', render: (_, o) => o.outcome ?? '—' },
            {
              title: t('common.actions'),
              key: 'x',
              render: (_, o) =>
                o.status === 'open' && (
                  <Button size="small" type="primary" onClick={() => setHandling(o)} data-testid="handle-objection">
                    {t('recognition.objection.handle')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <FormModal<{ outcome: 'upheld' | 'dismissed'; note: string }>
        name="handleObjection"
        open={!!handling}
        title={t('recognition.objection.handle')}
        fields={['outcome', 'note']}
        onSubmit={async (v) => {
          await handleObjection(handling!.id, v.outcome, v.note);
          await refresh();
        }}
        onClose={() => setHandling(null)}
        testId="handle-dialog"
      >
        {handling && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {handling.text}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="outcome"
          label={t('recognition.objection.outcome')}
          rules={[{ required: true, message: t('common.requiredChoice') }]}
          extra={t('recognition.objection.upheldHint')}
        >
          <Radio.Group
            options={[
              { value: 'dismissed', label: t('recognition.objection.dismissed') },
              { value: 'upheld', label: t('recognition.objection.upheld') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('recognition.objection.note')}
          rules={[{ required: true, whitespace: true, message: t('recognition.objection.noteRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="handle-note" />
        </Form.Item>
      </FormModal>
      <FormModal<{
        applicationId?: number;
        objectorName: string;
        objectorIdNumber: string;
        contact: string;
        text: string;
        receivedOn: Dayjs;
      }>
        name="paperObjection"
        open={recording}
        title={t('recognition.objection.record')}
        fields={['applicationId', 'objectorName', 'objectorIdNumber', 'contact', 'text', 'receivedOn']}
        initialValues={{ receivedOn: chinaToday() }}
        onSubmit={async ({ receivedOn, ...v }) => {
          await recordObjection(n.id, { ...v, receivedOn: receivedOn.format('YYYY-MM-DD') });
          await refresh();
        }}
        onClose={() => setRecording(false)}
      >
        <Form.Item name="applicationId" label={t('recognition.objection.about')}>
          <Select
            allowClear
            placeholder={t('recognition.objection.whole')}
            options={n.items.map((i) => ({ value: i.applicationId, label: i.enterpriseName }))}
          />
        </Form.Item>
        <Form.Item name="objectorName" label={t('recognition.objection.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="objectorIdNumber" label={t('recognition.objection.idNumber')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="contact" label={t('recognition.objection.contact')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('recognition.objection.receivedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="text" label={t('recognition.objection.text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
      </FormModal>
    </Page>
  );
}

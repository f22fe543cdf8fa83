import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { NoticeStatusTag } from '../components/NoticeStatusTag.tsx';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { formatScore, useRecognitionLabels } from '../labels.ts';
import { fetchPublicNotice, fileObjection, type PublicNotice, type PublicObjection } from '../publicApi.ts';

const FIELDS = ['applicationIndex', 'objectorName', 'objectorIdNumber', 'contact', 'text'] as const;

/** One public notice: the proposed list, and while the window is open a written, real-name objection form. */
export function PublicNoticePage() {
  const t = useT();
  const labels = useRecognitionLabels();
  const id = Number(useParams().id);
  const notice = useQuery({ queryKey: ['public', 'recognition', 'notice', id], queryFn: () => fetchPublicNotice(id), enabled: id > 0 });
  if (notice.isError)
    return (
      <PublicFrame>
        <LoadError error={notice.error} onRetry={() => void notice.refetch()} />
      </PublicFrame>
    );
  if (!notice.data)
    return (
      <PublicFrame>
        <PageSkeleton />
      </PublicFrame>
    );
  const n = notice.data;
  return (
    <PublicFrame>
      <Typography.Title level={3} data-testid="public-notice-title">
        {n.title} <NoticeStatusTag status={n.status} />
      </Typography.Title>
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('recognition.notice.window')}>
          {t('recognition.notice.windowText', { start: n.startsOn, end: n.endsOn, days: n.workingDays })}
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('recognition.public.list')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={n.items}
          data-testid="public-notice-items"
          columns={[
            { title: '#', dataIndex: 'index', width: 50 },
            { title: t('recognition.col.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('recognition.col.project'), dataIndex: 'projectName' },
            { title: t('recognition.col.district'), dataIndex: 'districtName' },
            { title: t('recognition.prog.kind'), key: 'k', render: (_, r) => `${labels.level(r.level)}${labels.kind(r.kind)}` },
            { title: t('recognition.score.final'), key: 's', align: 'right', render: (_, r) => formatScore(r.score) },
          ]}
        />
      </Card>
      <Card title={t('recognition.public.objection')}>
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {t('recognition.public.noticesIntro')}
        </Typography.Paragraph>
        {n.status === 'open' ? (
          <ObjectionForm notice={n} />
        ) : (
          <Alert type="info" showIcon title={t(n.status === 'upcoming' ? 'recognition.public.notOpenYet' : 'recognition.public.closed')} />
        )}
      </Card>
    </PublicFrame>
  );
}

function ObjectionForm({ notice }: { notice: PublicNotice }) {
  const t = useT();
  const [form] = Form.useForm<PublicObjection>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ reference: string; receivedOn: string } | null>(null);
  if (receipt) {
    return (
      <Result
        status="success"
        title={t('recognition.public.received')}
        subTitle={t('recognition.public.reference', { reference: receipt.reference, date: receipt.receivedOn })}
        data-testid="objection-receipt"
      />
    );
  }
  const submit = async (values: PublicObjection) => {
    setBusy(true);
    setError(null);
    try {
      setReceipt(await fileObjection(notice.id, values));
    } catch (e) {
      // What was typed stays on the form; the refusal lands on its field or above the form.
      if (!showServerErrors(form, e, FIELDS)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<PublicObjection> form={form} name="objection" layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 640 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="objection-error" />}
      <Form.Item name="applicationIndex" label={t('recognition.objection.about')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('recognition.objection.whole')}
          options={notice.items.map((item) => ({ value: item.index, label: `${item.index}. ${item.enterpriseName}` }))}
          data-testid="objection-about"
        />
      </Form.Item>
      <Form.Item
        name="objectorName"
        label={t('recognition.objection.name')}
        rules={[{ required: true, whitespace: true, message: t('recognition.public.nameRequired') }]}
      >
        <Input maxLength={100} data-testid="objection-name" />
      </Form.Item>
      <Form.Item
        name="objectorIdNumber"
        label={t('recognition.objection.idNumber')}
        rules={[{ required: true, whitespace: true, message: t('recognition.public.idRequired') }]}
        extra={t('recognition.public.idHint')}
      >
        <Input maxLength={40} data-testid="objection-id" />
      </Form.Item>
      <Form.Item
        name="contact"
        label={t('recognition.objection.contact')}
        rules={[{ required: true, whitespace: true, message: t('recognition.public.contactRequired') }]}
      >
        <Input maxLength={100} data-testid="objection-contact" />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('recognition.objection.text')}
        rules={[{ required: true, whitespace: true, message: t('recognition.public.textRequired') }]}
      >
        <Input.TextArea rows={6} maxLength={5000} showCount data-testid="objection-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="objection-submit">
        {t('recognition.public.submit')}
      </Button>
    </Form>
  );
}

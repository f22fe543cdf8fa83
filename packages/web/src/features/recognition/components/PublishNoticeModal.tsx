import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaToday } from '../labels.ts';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { recognitionKeys } from '../queries.ts';
import { fetchEndDate, publishNotice } from '../reviewApi.ts';

interface Values {
  title: string;
  startsOn: Dayjs;
  workingDays: number;
}

/** The end date as the server's working-day calendar counts it, shown while the dates are chosen. */
function EndDate() {
  const t = useT();
  const startsOn = Form.useWatch<Dayjs | undefined>('startsOn');
  const days = Form.useWatch<number | undefined>('workingDays');
  const start = startsOn?.format('YYYY-MM-DD');
  const end = useQuery({
    queryKey: ['recognition', 'end-date', start, days],
    queryFn: () => fetchEndDate(start!, days!),
    enabled: !!start && !!days && days > 0,
  });
  if (!end.data) return null;
  return (
    <Typography.Paragraph type="secondary" data-testid="notice-period">
      {t('recognition.notice.period', { start: end.data.startsOn, end: end.data.endsOn, days: end.data.workingDays })}
    </Typography.Paragraph>
  );
}

/** Publishes the chosen shortlisted applications in one public notice (公示) counted in working days. */
export function PublishNoticeModal({
  programmeId,
  applicationIds,
  defaultDays,
  defaultTitle,
  open,
  onClose,
}: {
  programmeId: number;
  applicationIds: number[];
  defaultDays: number;
  defaultTitle: string;
  open: boolean;
  onClose(): void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <FormModal<Values>
      name="notice"
      open={open}
      title={t('recognition.notice.publish')}
      okText={t('recognition.notice.publish')}
      fields={['title', 'startsOn', 'workingDays', 'applicationIds']}
      initialValues={{ title: defaultTitle, startsOn: chinaToday(), workingDays: defaultDays }}
      onSubmit={async (v) => {
        const notice = await publishNotice(programmeId, {
          applicationIds,
          title: v.title,
          startsOn: v.startsOn.format('YYYY-MM-DD'),
          workingDays: v.workingDays,
        });
        await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
        void navigate(`/recognition/notices/${notice.id}`);
      }}
      onClose={onClose}
      testId="publish-notice"
    >
      <Typography.Paragraph>{t('recognition.notice.count', { count: applicationIds.length })}</Typography.Paragraph>
      <Form.Item name="title" label={t('recognition.notice.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} data-testid="notice-title" />
      </Form.Item>
      <Form.Item
        name="startsOn"
        label={t('recognition.notice.startsOn')}
        rules={[{ required: true }]}
        extra={t('recognition.notice.startsOnHint')}
      >
        <DatePicker style={{ width: '100%' }} data-testid="notice-starts" />
      </Form.Item>
      <Form.Item name="workingDays" label={t('recognition.notice.workingDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={30} style={{ width: '100%' }} data-testid="notice-days" />
      </Form.Item>
      <EndDate />
    </FormModal>
  );
}

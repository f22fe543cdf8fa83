import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { chinaToday } from '../labels.ts';
import { recognitionKeys, useCalendar } from '../queries.ts';
import { deleteCalendarDay, setCalendarDay, type CalendarDay } from '../reviewApi.ts';

/**
 * The working-day calendar notices are counted on: weekends are days off by default; the bureau lists
 * public holidays and the weekend days worked in their place (调休) each year.
 */
export function CalendarSettings() {
  const t = useT();
  const { can } = useAuth();
  const run = useAction();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => chinaToday().year());
  const [adding, setAdding] = useState(false);
  const days = useCalendar(year);
  const writable = can('recognition.calendar.write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: recognitionKeys.calendar(year) });
  return (
    <div className="zz-card" data-testid="calendar">
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('recognition.calendar.year')}</span>
        <InputNumber value={year} min={2015} max={2100} onChange={(v) => v && setYear(v)} />
        {writable && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="calendar-add">
            {t('recognition.calendar.add')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('recognition.calendar.hint')}</Typography.Text>
      </Space>
      <Table<CalendarDay>
        size="small"
        rowKey="date"
        loading={days.isPending}
        dataSource={days.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('recognition.calendar.empty') }}
        columns={[
          { title: t('recognition.calendar.date'), dataIndex: 'date' },
          {
            title: t('recognition.calendar.kind'),
            key: 'k',
            render: (_, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`recognition.calendar.${d.kind}`)}</Tag>,
          },
          { title: t('recognition.calendar.name'), dataIndex: 'name' },
          ...(writable
            ? [
                {
                  title: '',
                  key: 'x',
                  width: 60,
                  render: (_: unknown, d: CalendarDay) => (
                    <Popconfirm
                      title={t('recognition.calendar.confirmDelete')}
                      onConfirm={() => void run(async () => (await deleteCalendarDay(d.date), await refresh()))}
                    >
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('recognition.files.delete')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<{ date: Dayjs; kind: CalendarDay['kind']; name: string }>
        name="calendarDay"
        open={adding}
        title={t('recognition.calendar.add')}
        fields={['date', 'kind', 'name']}
        initialValues={{ kind: 'holiday' }}
        onSubmit={async (v) => {
          await setCalendarDay(v.date.format('YYYY-MM-DD'), v.kind, v.name);
          await refresh();
        }}
        onClose={() => setAdding(false)}
      >
        <Form.Item name="date" label={t('recognition.calendar.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('recognition.calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'holiday', label: t('recognition.calendar.holiday') },
              { value: 'workday', label: t('recognition.calendar.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('recognition.calendar.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
      </FormModal>
    </div>
  );
}

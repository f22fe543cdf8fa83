import { Tag } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { NoticeStatus } from '../reviewApi.ts';

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  const t = useT();
  return (
    <Tag color={status === 'open' ? 'green' : status === 'upcoming' ? 'blue' : 'default'} data-testid="notice-status">
      {t(`recognition.notice.${status}`)}
    </Tag>
  );
}

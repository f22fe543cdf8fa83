import type { PrefixStatus } from '@zhizao/domain';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../app/i18n/I18nProvider.tsx';

const STATUS_COLORS: Record<PrefixStatus, string> = { pending: 'processing', active: 'success', suspended: 'warning', revoked: 'default', rejected: 'error' };

export function PrefixStatusTag({ status }: { status: PrefixStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`prefix-status-${status}`}>
      {t(`identifiers.status.${status}`)}
    </Tag>
  );
}

export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const formatCount = (n: number) => n.toLocaleString();

import type { PrefixStatus } from '@zhizao/domain';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../app/i18n/I18nProvider.tsx';

const STATUS_COLORS: Record<PrefixStatus, string> = {
  pending: 'processing',
  active: 'success',
  suspended: 'warning',
  revoked: 'default',
  rejected: 'error',
};

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

/** An EPCIS event's time as it read on the spot: the UTC instant shifted by the event's own eventTimeZoneOffset. */
export function eventLocalTime(eventTime: string, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const ms = Date.parse(eventTime);
  if (!m || Number.isNaN(ms)) return formatTime(eventTime);
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A quantity with its UN/CEFACT unit; no unit means a count of items. */
export const formatQuantity = (quantity: number, uom: string) => `${quantity.toLocaleString()}${uom ? ` ${uom}` : ''}`;

/** An identifier key as people read it: a handle without its `hdl:` scheme; other URIs (GS1, EPC) as they are. */
export const showIdentifier = (key: string) => key.replace(/^hdl:/i, '');

/** Axis numbers in the page's language, shortened (2万 / 20K) so long axes do not crowd. */
export const compactNumber = (locale: string) => {
  const format = new Intl.NumberFormat(locale, { notation: 'compact' });
  return (n: number) => format.format(n);
};

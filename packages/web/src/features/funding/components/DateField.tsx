import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

/** A DatePicker whose form value is the API's `YYYY-MM-DD` text, so forms hold plain strings. */
export function DateField({
  value,
  onChange,
  id,
  ...rest
}: {
  value?: string | null;
  onChange?(value: string | null): void;
  id?: string;
  placeholder?: string;
  'data-testid'?: string;
}) {
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      format={FORMAT}
      value={value ? dayjs(value, FORMAT) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(FORMAT) : null)}
      {...rest}
    />
  );
}

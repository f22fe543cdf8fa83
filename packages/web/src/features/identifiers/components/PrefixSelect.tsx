import { Select } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useActivePrefixes } from '../queries.ts';

/** The enterprise's active prefixes; picks the first one when nothing is chosen yet. */
export function PrefixSelect({ value, onChange }: { value: string | undefined; onChange(prefix: string): void }) {
  const t = useT();
  const { prefixes, isPending } = useActivePrefixes();
  useEffect(() => {
    if (!value && prefixes[0]) onChange(prefixes[0]);
  }, [value, prefixes, onChange]);
  return (
    <Select
      style={{ minWidth: 180 }}
      loading={isPending}
      value={value}
      placeholder={t('identifiers.prefix.choose')}
      notFoundContent={t('identifiers.prefix.noneActive')}
      onChange={onChange}
      options={prefixes.map((p) => ({ value: p, label: p }))}
      data-testid="prefix-select"
    />
  );
}

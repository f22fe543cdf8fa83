import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../../app/components/useDebounced.ts';
import { fetchEnterprises } from '../../registry/api.ts';
import { fetchEntries } from '../api.ts';

interface Option {
  value: number;
  label: string;
}

interface Props {
  id?: string;
  value?: number | null;
  onChange?(value: number | null): void;
  /** The name of the chosen row, shown before any search (from the entry being edited). */
  knownLabel?: string | null;
  placeholder: string;
  'data-testid'?: string;
}

/** A searched choice among many rows: the server finds them by text, the form keeps the id. */
function RemoteSelect({
  id,
  value,
  onChange,
  knownLabel,
  placeholder,
  search,
  queryKey,
  ...rest
}: Props & { search: (q: string, signal?: AbortSignal) => Promise<Option[]>; queryKey: string }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['remote-select', queryKey, q],
    queryFn: ({ signal }) => search(q, signal),
    placeholderData: keepPreviousData,
  });
  const [chosen, setChosen] = useState<Option | null>(null);
  const options = [...(found.data ?? [])];
  if (value && !options.some((o) => o.value === value)) {
    const label = chosen?.value === value ? chosen.label : (knownLabel ?? `#${value}`);
    options.unshift({ value, label });
  }
  return (
    <Select<number, Option>
      id={id}
      value={value ?? undefined}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.isFetching}
      options={options}
      onChange={(next, option) => {
        setChosen((option as Option | undefined) ?? null);
        onChange?.(next ?? null);
      }}
      data-testid={rest['data-testid']}
    />
  );
}

/** An enterprise of the registry, found by name or credit code (the caller's registry scope applies). */
export function EnterprisePicker(props: Props) {
  return (
    <RemoteSelect
      {...props}
      queryKey="enterprises"
      search={async (q, signal) =>
        (await fetchEnterprises({ q: q || undefined, page: 1, pageSize: 20 }, signal)).items.map((e) => ({
          value: e.id,
          label: `${e.name}（${e.creditCode}）`,
        }))
      }
    />
  );
}

/** A row of another register, found by its text. */
export function EntryPicker({ register, ...props }: Props & { register: string }) {
  return (
    <RemoteSelect
      {...props}
      queryKey={`register-${register}`}
      search={async (q, signal) =>
        (await fetchEntries(register, { q: q || undefined, page: 1, pageSize: 20 }, signal)).items.map((e) => ({
          value: e.id,
          label: e.title,
        }))
      }
    />
  );
}

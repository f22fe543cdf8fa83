import { Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../../app/components/useDebounced.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import type { EnterpriseOption } from '../api.ts';
import { useEnterpriseOptions } from '../queries.ts';

interface Props {
  id?: string;
  value?: number;
  onChange?(value: number | undefined): void;
}

interface Option {
  value: number;
  label: string;
  title: string;
  enterprise: EnterpriseOption | null;
}

const toOption = (e: EnterpriseOption): Option => ({ value: e.id, label: e.name, title: e.name, enterprise: e });

/**
 * Finds an enterprise by name or credit code on the server (the security admin has no registry access)
 * and keeps its id; options show the name with the credit code and district to tell namesakes apart.
 */
export function EnterpriseSelect({ id, value, onChange }: Props) {
  const t = useT();
  const names = useTaxonomyNames();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useEnterpriseOptions(q);
  // The chosen enterprise stays nameable after the next search no longer lists it.
  const [chosen, setChosen] = useState<Option | null>(null);

  const options = (found.data?.items ?? []).map(toOption);
  if (value !== undefined && !options.some((o) => o.value === value)) {
    const label = chosen?.value === value ? chosen.label : t('users.scopeEnterprise', { id: value });
    options.unshift(chosen?.value === value ? chosen : { value, label, title: label, enterprise: null });
  }

  return (
    <Select<number, Option>
      id={id}
      value={value}
      allowClear
      placeholder={t('users.enterpriseSearch')}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t('users.enterpriseNone')}
      optionRender={({ data }) =>
        data.enterprise ? (
          <div>
            <div>{data.enterprise.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <span className="zz-mono">{data.enterprise.creditCode}</span> · {names.district(data.enterprise.districtCode)}
            </Typography.Text>
          </div>
        ) : (
          data.label
        )
      }
      onChange={(next, option) => {
        setChosen(option && !Array.isArray(option) ? option : null);
        onChange?.(next);
      }}
      data-testid="enterprise-select"
    />
  );
}

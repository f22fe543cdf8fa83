import type { Investment, ProjectKind } from '@zhizao/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Typography } from 'antd';
import { errorMessage } from '../../../app/api/client.ts';
import { useState } from 'react';
import { useDebounced } from '../../../app/components/useDebounced.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { calculate } from '../api.ts';
import { useCurrentPolicies } from '../queries.ts';
import { CalculationTable } from './CalculationTable.tsx';

/** The award under a chosen policy, recalculated by the server's calculator as the investment is typed. */
export function EstimateCard({ kind, investment }: { kind: ProjectKind | undefined; investment: Investment }) {
  const t = useT();
  const policies = useCurrentPolicies();
  const [policyId, setPolicyId] = useState<number | undefined>();
  const chosen = policyId ?? policies.data?.[0]?.id;
  const input = useDebounced({ kind, investment }, 300);
  const estimate = useQuery({
    queryKey: ['funding', 'estimate', chosen, input],
    queryFn: ({ signal }) => calculate(chosen!, { kind: input.kind!, investment: input.investment }, signal),
    enabled: !!chosen && !!input.kind,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <Card
      title={t('funding.form.estimate')}
      style={{ marginBottom: 16 }}
      extra={
        <Select
          style={{ width: 220 }}
          size="small"
          value={chosen}
          loading={policies.isPending}
          placeholder={t('funding.field.policy')}
          options={(policies.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · v${p.version}` }))}
          onChange={setPolicyId}
          data-testid="estimate-policy"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('funding.form.estimateHint')}</Typography.Paragraph>
      {!policies.isPending && !policies.data?.length ? (
        <Typography.Text type="secondary">{t('funding.apply.noPolicy')}</Typography.Text>
      ) : (
        kind &&
        (estimate.isError ? (
          <Alert type="warning" showIcon title={errorMessage(estimate.error)} data-testid="estimate-error" />
        ) : (
          <CalculationTable calculation={estimate.data} loading={estimate.isFetching} compact />
        ))
      )}
    </Card>
  );
}

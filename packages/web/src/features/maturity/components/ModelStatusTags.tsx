import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';

const COLORS: Record<string, string> = { standard: 'blue', draft: 'orange', custom: 'green' };

export function ModelStatusTags({ status, provisional }: { status: string; provisional: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={COLORS[status] ?? 'default'} data-testid="model-status">
        {t(
          status === 'standard'
            ? 'maturity.models.status.standard'
            : status === 'draft'
              ? 'maturity.models.status.draft'
              : 'maturity.models.status.custom',
        )}
      </Tag>
      {provisional && <Tag color="gold">{t('maturity.models.provisional')}</Tag>}
    </>
  );
}

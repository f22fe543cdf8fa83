import { Tag, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/** Marks synthetic demo records (enterprises, unconfirmed taxonomy names) so nobody takes them for real. */
export function DemoTag({ hint }: { hint?: string }) {
  const t = useT();
  return (
    <Tooltip title={hint ?? t('common.demoHint')}>
      <Tag color="orange" variant="outlined" style={{ marginInlineStart: 6 }} data-testid="demo-tag">
        {t('common.demo')}
      </Tag>
    </Tooltip>
  );
}

export function ArchivedTag() {
  const t = useT();
  return (
    <Tag color="default" style={{ marginInlineStart: 6 }}>
      {t('registry.status.archived')}
    </Tag>
  );
}

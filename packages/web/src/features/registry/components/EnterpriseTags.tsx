import { Tag, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/** Marks synthetic demo records so nobody mistakes them for real enterprises. */
export function DemoTag() {
  const t = useT();
  return (
    <Tooltip title={t('common.demoHint')}>
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

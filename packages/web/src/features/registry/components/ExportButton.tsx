import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { exportEnterprises, type EnterpriseFilter } from '../api.ts';

/** Exports exactly what the list shows (same filters), as an .xlsx download. */
export function ExportButton({ filter }: { filter: EnterpriseFilter }) {
  const t = useT();
  const action = useAction();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    await action(
      () => exportEnterprises(filter),
      (name) => t('registry.action.exported', { name: String(name) }),
    );
    setBusy(false);
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="export-button">
      {t('registry.action.export')}
    </Button>
  );
}

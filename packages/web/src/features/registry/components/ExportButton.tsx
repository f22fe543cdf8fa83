import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { exportEnterprises, type EnterpriseFilter } from '../api.ts';

/** Exports exactly what the list shows (same filters), as an .xlsx download. */
export function ExportButton({ filter }: { filter: EnterpriseFilter }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await exportEnterprises(filter);
      void message.success(t('registry.action.exported', { name }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="export-button">
      {t('registry.action.export')}
    </Button>
  );
}

import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/** A 409 on autosave: someone else saved first; what was typed stays and is saved again on the latest version. */
export function ConflictAlert({ unsaved, onReload }: { unsaved: number; onReload(): Promise<unknown> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const reload = async () => {
    setBusy(true);
    try {
      await onReload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      title={t('maturity.conflict.title')}
      description={t('maturity.conflict.text', { count: unsaved })}
      action={
        <Button type="primary" loading={busy} onClick={() => void reload()} data-testid="conflict-reload">
          {t('maturity.conflict.reload')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="conflict"
    />
  );
}

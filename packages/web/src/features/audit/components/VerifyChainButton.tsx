import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { verifyAudit, type AuditVerification } from '../api.ts';

/** Asks the server to recompute the whole chain and says plainly whether it holds. */
export function VerifyChainButton({ onResult }: { onResult(result: VerificationMessage): void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await verifyAudit();
      onResult({ ok: r.ok, text: describe(r, t) });
    } catch (e) {
      onResult({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run()} data-testid="verify-chain">
      {t('audit.verify')}
    </Button>
  );
}

export interface VerificationMessage {
  ok: boolean;
  text: string;
}

function describe(r: AuditVerification, t: ReturnType<typeof useT>): string {
  if (r.ok) return t('audit.verifyOk', { checked: r.checked });
  return t('audit.verifyBad', { seq: r.firstBadSeq ?? '?', checked: r.checked, problem: t(`audit.problem.${r.problem ?? 'missing'}`) });
}

export function VerificationAlert({ result, onClose }: { result: VerificationMessage; onClose(): void }) {
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      title={result.text}
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="verify-result"
    />
  );
}

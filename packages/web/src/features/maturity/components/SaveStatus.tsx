import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { SaveStatus as Status } from '../useAutosave.ts';

/** 已保存 / 保存中 / 保存失败, with a way to try again. */
export function SaveStatus({ status, onRetry }: { status: Status; onRetry(): void }) {
  const t = useT();
  const view = {
    saved: { icon: <CheckCircleOutlined />, type: 'success' as const, text: t('maturity.save.saved') },
    saving: { icon: <LoadingOutlined />, type: 'secondary' as const, text: t('maturity.save.saving') },
    pending: { icon: <EditOutlined />, type: 'secondary' as const, text: t('maturity.save.pending') },
    failed: { icon: <CloseCircleOutlined />, type: 'danger' as const, text: t('maturity.save.failed') },
    conflict: { icon: <CloseCircleOutlined />, type: 'danger' as const, text: t('maturity.save.failed') },
  }[status];
  return (
    <Space data-testid="save-status" data-status={status}>
      <Typography.Text type={view.type}>
        {view.icon} {view.text}
      </Typography.Text>
      {status === 'failed' && (
        <Button size="small" onClick={onRetry}>
          {t('maturity.save.retry')}
        </Button>
      )}
    </Space>
  );
}

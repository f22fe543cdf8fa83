import { Button, Empty, Result, Skeleton, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/** A page's first load: a skeleton the shape of a content card. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div className="zz-card" data-testid="page-loading">
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

export function FullPageSpin() {
  const t = useT();
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" tip={t('common.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}

/** A failed load, with the server's message; a retry unless retrying cannot help (not found, forbidden). */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 404 || status === 403) {
    return (
      <Result
        status={status === 404 ? '404' : '403'}
        title={t(status === 404 ? 'notFound.title' : 'forbidden.title')}
        subTitle={errorMessage(error)}
      />
    );
  }
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorMessage(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** Nothing to show yet, with the action that would change that. */
export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '32px 0' }}>
      {action}
    </Empty>
  );
}

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<span data-testid="forbidden">403 · {t('forbidden.title')}</span>}
      subTitle={t('forbidden.text')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={`404 · ${t('notFound.title')}`}
      subTitle={t('notFound.text')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

import { FilePdfOutlined, FileWordOutlined, ShareAltOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { downloadReport, fetchSharing, setReportShared } from '../api.ts';

/** Word and PDF downloads of a submitted report, and the enterprise's choice to share it with the bureau. */
export function ReportActions({ assessmentId }: { assessmentId: number }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const run = useAction();
  const queryClient = useQueryClient();
  const sharing = useQuery({ queryKey: ['maturity', 'sharing', assessmentId], queryFn: () => fetchSharing(assessmentId) });
  const isEnterprise = session?.user.role === 'enterprise_user';
  const canDownload = isEnterprise || sharing.data?.shared === true;
  const toggleShare = (shared: boolean) =>
    run(
      async () => {
        await setReportShared(assessmentId, shared);
        await queryClient.invalidateQueries({ queryKey: ['maturity', 'sharing', assessmentId] });
      },
      t(shared ? 'maturity.report.shareDone' : 'maturity.report.unshareDone'),
    );
  return (
    <Space wrap>
      {sharing.data?.shared ? (
        <Tag color="green" data-testid="report-shared">
          {t('maturity.report.shared')}
        </Tag>
      ) : null}
      {canDownload && (
        <>
          <Button icon={<FileWordOutlined />} onClick={() => void run(() => downloadReport(assessmentId, 'docx'))}>
            {t('maturity.report.downloadWord')}
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => void run(() => downloadReport(assessmentId, 'pdf'))}>
            {t('maturity.report.downloadPdf')}
          </Button>
        </>
      )}
      {isEnterprise &&
        (sharing.data?.shared ? (
          <Button onClick={() => void toggleShare(false)}>{t('maturity.report.unshare')}</Button>
        ) : (
          <Popconfirm title={t('maturity.report.shareConfirm')} onConfirm={() => void toggleShare(true)}>
            <Button type="primary" icon={<ShareAltOutlined />}>
              {t('maturity.report.share')}
            </Button>
          </Popconfirm>
        ))}
    </Space>
  );
}

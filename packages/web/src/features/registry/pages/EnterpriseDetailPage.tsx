import { EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { MANUFACTURING_TYPE_LABELS, SIZE_CLASS_LABELS, fieldLabel, ownsEnterprise } from '@zhizao/domain';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { TitleTimeline } from '../../registers/titles/TitleTimeline.tsx';
import type { EnterpriseView } from '../api.ts';
import { ArchivedTag, DemoTag } from '../components/EnterpriseTags.tsx';
import { useEnterprise, useSetArchived } from '../queries.ts';
import { useTaxonomyNames } from '../taxonomy.ts';

export function EnterpriseDetailPage() {
  const id = Number(useParams().id);
  const enterprise = useEnterprise(id);
  if (enterprise.isPending) return <PageSkeleton rows={12} />;
  if (enterprise.isError) return <LoadError error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  return <EnterpriseDetail enterprise={enterprise.data} />;
}

function ArchiveButton({ enterprise }: { enterprise: EnterpriseView }) {
  const { t } = useI18n();
  const action = useAction();
  const archive = useSetArchived();
  const run = (archived: boolean) =>
    action(
      () => archive.mutateAsync({ id: enterprise.id, archived }),
      t(archived ? 'registry.detail.archived' : 'registry.detail.restored'),
    );
  if (enterprise.archived) {
    return (
      <Button icon={<RollbackOutlined />} loading={archive.isPending} onClick={() => void run(false)}>
        {t('registry.detail.restore')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('registry.detail.archiveConfirm')}
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits this promise to show the OK button loading; its type says void
      onConfirm={() => run(true)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
    >
      <Button danger icon={<InboxOutlined />} loading={archive.isPending}>
        {t('registry.detail.archive')}
      </Button>
    </Popconfirm>
  );
}

function EnterpriseDetail({ enterprise: e }: { enterprise: EnterpriseView }) {
  const { t, pick, locale } = useI18n();
  const { actor, can } = useAuth();
  const navigate = useNavigate();
  const names = useTaxonomyNames();
  const label = (field: string) => fieldLabel(field, locale);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const show = (v: ReactNode) => v || none;
  const owner = actor ? ownsEnterprise(actor, e) : false;

  return (
    <Page
      title={
        <span>
          {e.name}
          {e.isDemo && <DemoTag />}
          {e.archived && <ArchivedTag />}
        </span>
      }
      subtitle={<span className="zz-mono">{e.creditCode}</span>}
      crumbs={[{ title: t('menu.enterprises'), to: '/enterprises' }, { title: e.name }]}
      extra={
        <>
          {e.canArchive && <ArchiveButton enterprise={e} />}
          {e.canEdit && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => void navigate(`/enterprises/${e.id}/edit`)}
              data-testid="edit-enterprise"
            >
              {t('common.edit')}
            </Button>
          )}
        </>
      }
    >
      {e.archived && <Alert type="info" showIcon title={t('registry.detail.archivedBanner')} style={{ marginBottom: 16 }} />}
      <Card title={t('registry.detail.basic')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={label('creditCode')}>
            <span className="zz-mono">{e.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={label('name')}>{e.name}</Descriptions.Item>
          <Descriptions.Item label={label('sizeClass')}>{pick(SIZE_CLASS_LABELS[e.sizeClass])}</Descriptions.Item>
          <Descriptions.Item label={label('manufacturingType')}>{pick(MANUFACTURING_TYPE_LABELS[e.manufacturingType])}</Descriptions.Item>
          <Descriptions.Item label={label('industryCode')}>{show(e.industryCode)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('registry.detail.industry')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={label('districtCode')}>{names.district(e.districtCode)}</Descriptions.Item>
          <Descriptions.Item label={label('clusterCode')}>{show(names.cluster(e.clusterCode))}</Descriptions.Item>
          <Descriptions.Item label={label('chainCodes')} span={2}>
            {e.chainCodes.length ? (
              <Space size={[0, 4]} wrap>
                {e.chainCodes.map((c) => (
                  <Tag key={c}>{names.chain(c)}</Tag>
                ))}
              </Space>
            ) : (
              none
            )}
          </Descriptions.Item>
          <Descriptions.Item label={label('address')} span={2}>
            {show(e.address)}
          </Descriptions.Item>
          <Descriptions.Item label={label('mainProducts')} span={2}>
            {show(e.mainProducts)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('registry.detail.contacts')} style={{ marginBottom: 16 }} data-testid="contacts-card">
        {owner ? (
          <Descriptions column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={label('contactName')}>{show(e.contactName)}</Descriptions.Item>
            <Descriptions.Item label={label('contactPhone')}>{show(e.contactPhone)}</Descriptions.Item>
            <Descriptions.Item label={label('contactEmail')}>{show(e.contactEmail)}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Alert type="info" showIcon title={t('registry.detail.contactsHidden')} data-testid="contacts-hidden" />
        )}
      </Card>
      {owner && can('registers.titles.read') && <TitleTimeline enterpriseId={e.id} />}
      <Card title={t('registry.detail.record')}>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('registry.detail.createdAt')}>{dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label={t('registry.col.updatedAt')}>{dayjs(e.updatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label={t('registry.detail.version')}>{e.version}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Page>
  );
}

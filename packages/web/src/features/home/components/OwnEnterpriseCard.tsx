import { EditOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useEnterprise } from '../../registry/queries.ts';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';

/** An enterprise user lands on its own record first: the city's counts come after. */
export function OwnEnterpriseCard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const names = useTaxonomyNames();
  const enterprise = useEnterprise(enterpriseId);
  return (
    <Card
      title={
        <Space>
          <ShopOutlined />
          {t('home.ownEnterprise')}
        </Space>
      }
      extra={
        enterprise.data?.canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/enterprises/${enterpriseId}/edit`)}>
            {t('home.editOwn')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
      data-testid="own-enterprise"
    >
      {enterprise.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : enterprise.isError ? (
        <LoadError error={enterprise.error} onRetry={() => void enterprise.refetch()} />
      ) : (
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('home.ownName')}>
            <a onClick={() => void navigate(`/enterprises/${enterpriseId}`)}>{enterprise.data.name}</a>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.ownDistrict')}>{names.district(enterprise.data.districtCode)}</Descriptions.Item>
          <Descriptions.Item label={t('home.ownChains')}>
            {enterprise.data.chainCodes.length ? enterprise.data.chainCodes.map((c) => <Tag key={c}>{names.chain(c)}</Tag>) : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

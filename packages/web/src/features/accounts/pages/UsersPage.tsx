import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, ROLES, fieldLabel, type Role } from '@zhizao/domain';
import { Badge, Button, Col, Input, Row, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import type { UserView } from '../../../app/auth/session.ts';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import type { UserListItem, UserListQuery } from '../api.ts';
import { AssignRoleModal } from '../components/AssignRoleModal.tsx';
import { CreateUserModal } from '../components/CreateUserModal.tsx';
import { ResetPasswordModal } from '../components/ResetPasswordModal.tsx';
import { UserActions } from '../components/UserActions.tsx';
import { useUsers } from '../queries.ts';

export function UsersPage() {
  const { t, pick, locale } = useI18n();
  const { can } = useAuth();
  const names = useTaxonomyNames();
  const [query, setQuery] = useState<UserListQuery>({ page: 1, pageSize: 20 });
  const users = useUsers(query);
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);

  const columns: TableProps<UserListItem>['columns'] = [
    {
      key: 'username',
      title: fieldLabel('username', locale),
      render: (_, u) => <Typography.Text className="zz-mono">{u.username}</Typography.Text>,
    },
    { key: 'displayName', dataIndex: 'displayName', title: fieldLabel('displayName', locale) },
    {
      key: 'role',
      title: fieldLabel('role', locale),
      render: (_, u) => (u.role ? <Tag color="blue">{pick(ROLE_LABELS[u.role])}</Tag> : <Tag color="warning">{t('users.noRole')}</Tag>),
    },
    {
      key: 'scope',
      title: t('users.scope'),
      render: (_, u) =>
        u.districtCode
          ? names.district(u.districtCode)
          : u.enterpriseId
            ? (u.enterpriseName ?? t('users.scopeEnterprise', { id: u.enterpriseId }))
            : t('common.none'),
    },
    {
      key: 'status',
      title: t('users.status'),
      render: (_, u) => (
        <Space size={4}>
          <Badge status={u.enabled ? 'success' : 'default'} text={u.enabled ? t('users.enabled') : t('users.disabled')} />
          {u.locked && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'lastLoginAt',
      title: t('users.lastLogin'),
      render: (_, u) => (u.lastLoginAt ? dayjs(u.lastLoginAt).format('YYYY-MM-DD HH:mm') : t('users.never')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, u) => <UserActions user={u} onAssignRole={setAssigning} onResetPassword={setResetting} />,
    },
  ];

  return (
    <Page
      title={t('users.title')}
      subtitle={t('users.subtitle')}
      extra={
        can('users.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-user">
            {t('users.new')}
          </Button>
        )
      }
    >
      <div className="zz-card">
        <Row gutter={12} className="zz-filters">
          <Col xs={24} md={10}>
            <Input.Search
              allowClear
              placeholder={t('users.search')}
              enterButton={t('common.search')}
              onSearch={(q) => setQuery({ ...query, page: 1, q: q.trim() || undefined })}
            />
          </Col>
          <Col xs={24} md={6}>
            <Select<Role>
              allowClear
              style={{ width: '100%' }}
              placeholder={t('users.role.any')}
              options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
              onChange={(role) => setQuery({ ...query, page: 1, role })}
            />
          </Col>
        </Row>
        {users.isError && !users.data ? (
          <LoadError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<UserListItem>
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            locale={{ emptyText: users.isPending ? ' ' : <EmptyState description={t('users.empty')} /> }}
            scroll={{ x: 900 }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: users.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
          />
        )}
      </div>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <AssignRoleModal user={assigning} onClose={() => setAssigning(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Page>
  );
}

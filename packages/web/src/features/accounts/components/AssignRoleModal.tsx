import { ROLE_LABELS, ROLES, fieldLabel, type Role } from '@zhizao/domain';
import { Alert, App, Form, Select } from 'antd';
import type { UserView } from '../../../app/auth/session.ts';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyOptions } from '../../registry/taxonomy.ts';
import { assignRole, type RoleAssignment } from '../api.ts';
import { useUserChange } from '../queries.ts';
import { EnterpriseSelect } from './EnterpriseSelect.tsx';

/** The security admin grants one role; district officers need a district, enterprise users an enterprise. */
export function AssignRoleModal({ user, onClose }: { user: UserView | null; onClose(): void }) {
  const { t, pick, locale } = useI18n();
  const { message } = App.useApp();
  const { districts } = useTaxonomyOptions();
  const assign = useUserChange((v: { id: number; assignment: RoleAssignment }) => assignRole(v.id, v.assignment));
  const label = (f: string) => fieldLabel(f, locale);
  const required = (f: string) => [{ required: true, message: t('common.requiredChoice', { field: label(f) }) }];
  return (
    <FormModal<{ role: Role; districtCode?: string; enterpriseId?: number }>
      name="assignRole"
      open={user !== null}
      title={t('users.assignRoleTitle', { username: user?.username ?? '' })}
      fields={['role', 'districtCode', 'enterpriseId']}
      initialValues={
        user
          ? { role: user.role ?? undefined, districtCode: user.districtCode ?? undefined, enterpriseId: user.enterpriseId ?? undefined }
          : {}
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const assignment = { role: v.role, districtCode: v.districtCode ?? null, enterpriseId: v.enterpriseId ?? null };
        await assign.mutateAsync({ id: user!.id, assignment });
        void message.success(t('users.roleAssigned'));
      }}
      testId="assign-role-modal"
    >
      <Alert type="warning" showIcon title={t('users.assignRoleHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="role" label={label('role')} rules={required('role')}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['role']}>
        {({ getFieldValue }) => {
          const role = getFieldValue('role') as Role | undefined;
          if (role === 'district_officer') {
            return (
              <Form.Item name="districtCode" label={label('districtCode')} rules={required('districtCode')} extra={t('users.districtHint')}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={districts} />
              </Form.Item>
            );
          }
          if (role === 'enterprise_user') {
            return (
              <Form.Item
                name="enterpriseId"
                label={label('enterpriseId')}
                rules={required('enterpriseId')}
                extra={t('users.enterpriseHint')}
              >
                <EnterpriseSelect />
              </Form.Item>
            );
          }
          return null;
        }}
      </Form.Item>
    </FormModal>
  );
}

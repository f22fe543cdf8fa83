import { CMMM_LEVELS } from '@zhizao/domain';
import { Form, Select, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useEnterprise } from '../../registry/queries.ts';
import { createAssessment } from '../api.ts';
import { useMaturityLabels } from '../labels.ts';
import { maturityKeys, useModels } from '../queries.ts';

const DEFAULT_MODEL = 'CMMM-2020';
interface Values {
  modelVersion: string;
  targetLevel: number;
}

/** Starts a self-diagnosis of the user's own enterprise: model version and target level; the type comes from the registry. */
export function StartAssessmentModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, pick } = useI18n();
  const labels = useMaturityLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session } = useAuth();
  const models = useModels();
  const enterprise = useEnterprise(session?.user.enterpriseId ?? 0);

  const submit = async (values: Values) => {
    const created = await createAssessment(values);
    void queryClient.invalidateQueries({ queryKey: maturityKeys.all });
    void navigate(`/maturity/${created.id}`);
  };

  return (
    <FormModal<Values>
      name="startAssessment"
      open={open}
      title={t('maturity.start.title')}
      fields={['modelVersion', 'targetLevel']}
      initialValues={{ modelVersion: DEFAULT_MODEL, targetLevel: 2 }}
      onSubmit={submit}
      onClose={onClose}
      testId="start-assessment"
    >
      <Form.Item label={t('maturity.start.type')}>
        <Typography.Text strong data-testid="manufacturing-type">
          {enterprise.data ? labels.type(enterprise.data.manufacturingType) : t('common.loading')}
        </Typography.Text>
      </Form.Item>
      <Form.Item
        name="modelVersion"
        label={t('maturity.start.model')}
        rules={[{ required: true, message: t('common.requiredChoice', { field: t('maturity.start.model') }) }]}
      >
        <Select
          loading={models.isPending}
          options={(models.data ?? []).map((m) => ({
            value: m.id,
            label: (
              <span>
                {m.id} · {pick(m.name)} {m.provisional && <Tag color="orange">{t('maturity.start.provisional')}</Tag>}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="targetLevel" label={t('maturity.start.target')} extra={t('maturity.start.targetHelp')} rules={[{ required: true }]}>
        <Select options={CMMM_LEVELS.map((l) => ({ value: l.level, label: pick(l.name) }))} />
      </Form.Item>
    </FormModal>
  );
}

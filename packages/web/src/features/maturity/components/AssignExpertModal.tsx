import { useQueryClient } from '@tanstack/react-query';
import { App, Form, InputNumber } from 'antd';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { assignExpert, type AssessmentSummary } from '../api.ts';
import { maturityKeys } from '../queries.ts';

interface Values {
  expertUserId: number;
}

/**
 * The bureau assigns an enabled expert to a submitted assessment. No route lists expert accounts to the
 * bureau admin (users.read is the system admins'), so the expert's account id is typed, with a hint.
 */
export function AssignExpertModal({ assessment, onClose }: { assessment: AssessmentSummary | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const submit = async (values: Values) => {
    await assignExpert(assessment!.id, values.expertUserId);
    void message.success(t('maturity.expert.assignDone'));
    void queryClient.invalidateQueries({ queryKey: maturityKeys.all });
  };
  return (
    <FormModal<Values>
      name="assignExpert"
      open={!!assessment}
      title={`${t('maturity.expert.assign')} · ${assessment?.enterpriseName ?? ''}`}
      fields={['expertUserId']}
      onSubmit={submit}
      onClose={onClose}
      testId="assign-expert"
    >
      <Form.Item
        name="expertUserId"
        label={t('maturity.expert.expertId')}
        extra={t('maturity.expert.expertIdHint')}
        rules={[{ required: true, message: t('maturity.expert.expertId') }]}
      >
        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="expert-id" />
      </Form.Item>
    </FormModal>
  );
}

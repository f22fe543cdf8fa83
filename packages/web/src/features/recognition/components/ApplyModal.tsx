import { useQueryClient } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createApplication } from '../api.ts';
import { useRecognitionLabels } from '../labels.ts';
import { recognitionKeys, useProgrammes } from '../queries.ts';

/** The enterprise starts an application in one of the programmes whose window is open. */
export function ApplyModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const labels = useRecognitionLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programmes = useProgrammes();
  const options = (programmes.data ?? [])
    .filter((p) => p.isOpen)
    .map((p) => ({ value: p.id, label: `${labels.programme(p)} · ${p.title}（${p.opensOn} ~ ${p.closesOn}）` }));
  return (
    <FormModal<{ programmeId: number }>
      name="apply"
      open={open}
      title={t('recognition.apply.title')}
      okText={t('recognition.apply.start')}
      fields={['programmeId']}
      onSubmit={async ({ programmeId }) => {
        const created = await createApplication(programmeId);
        await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
        void navigate(`/recognition/applications/${created.id}`);
      }}
      onClose={onClose}
      testId="apply-dialog"
    >
      <Form.Item
        name="programmeId"
        label={t('recognition.apply.programme')}
        rules={[{ required: true, message: t('recognition.apply.programme') }]}
        extra={options.length ? undefined : t('recognition.apply.noneOpen')}
      >
        <Select showSearch optionFilterProp="label" options={options} loading={programmes.isPending} data-testid="apply-programme" />
      </Form.Item>
    </FormModal>
  );
}

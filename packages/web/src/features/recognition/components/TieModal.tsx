import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Radio, Select } from 'antd';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { ApplicationDetail } from '../api.ts';
import { recognitionKeys } from '../queries.ts';
import { addTie, type Expert } from '../reviewApi.ts';

interface Values {
  expertUserId: number;
  with: 'applicant' | 'provider';
  providerName?: string;
  note?: string;
}

/**
 * Records that an expert is tied to this application's enterprise or to its service provider (a former
 * employer, a consultancy): from then on the panel refuses that expert for this applicant.
 */
export function TieModal({
  detail,
  experts,
  open,
  onClose,
}: {
  detail: ApplicationDetail;
  experts: Expert[];
  open: boolean;
  onClose(): void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  return (
    <FormModal<Values>
      name="tie"
      open={open}
      title={t('recognition.tie.title')}
      fields={['expertUserId', 'enterpriseId', 'providerName', 'note']}
      initialValues={{ with: 'applicant', providerName: detail.serviceProviderName }}
      onSubmit={async (v) => {
        await addTie(
          v.expertUserId,
          v.with === 'applicant'
            ? { enterpriseId: detail.enterpriseId, note: v.note }
            : { providerName: v.providerName?.trim(), note: v.note },
        );
        await queryClient.invalidateQueries({ queryKey: recognitionKeys.experts });
      }}
      onClose={onClose}
      testId="tie-dialog"
    >
      <Form.Item
        name="expertUserId"
        label={t('recognition.panel.expert')}
        rules={[{ required: true, message: t('common.requiredChoice') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={experts.map((e) => ({ value: e.userId, label: `${e.displayName} (${e.username})` }))}
        />
      </Form.Item>
      <Form.Item name="with" label={t('recognition.tie.with')}>
        <Radio.Group
          options={[
            { value: 'applicant', label: `${t('recognition.tie.applicant')}：${detail.enterpriseName}` },
            { value: 'provider', label: t('recognition.tie.provider') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.with !== b.with}>
        {({ getFieldValue }) =>
          getFieldValue('with') === 'provider' && (
            <Form.Item name="providerName" label={t('recognition.app.provider')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="note" label={t('recognition.tie.note')}>
        <Input maxLength={500} placeholder={t('recognition.tie.noteExample')} />
      </Form.Item>
    </FormModal>
  );
}

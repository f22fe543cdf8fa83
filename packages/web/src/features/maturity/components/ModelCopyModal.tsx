import { Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { copyModel } from '../modelApi.ts';
import { maturityKeys } from '../queries.ts';

interface Values {
  newId: string;
  zh: string;
  en: string;
}

/** Copies a model version into an editable custom one; a taken id is refused on its field. */
export function ModelCopyModal({ sourceId, onClose, onCopied }: { sourceId: string | null; onClose(): void; onCopied(id: string): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  return (
    <FormModal<Values>
      name="modelCopy"
      open={!!sourceId}
      title={t('maturity.models.copyTitle', { id: sourceId ?? '' })}
      fields={['newId']}
      testId="model-copy-modal"
      onClose={onClose}
      onSubmit={async (v) => {
        const copy = await copyModel(sourceId!, { newId: v.newId.trim(), name: { zh: v.zh.trim(), en: v.en.trim() } });
        await qc.invalidateQueries({ queryKey: maturityKeys.models });
        onCopied(copy.id);
      }}
    >
      <Form.Item
        name="newId"
        label={t('maturity.models.newId')}
        rules={[{ required: true, whitespace: true, message: t('maturity.models.required') }]}
        extra={t('maturity.models.newIdHint')}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item
        name="zh"
        label={t('maturity.models.nameZh')}
        rules={[{ required: true, whitespace: true, message: t('maturity.models.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="en"
        label={t('maturity.models.nameEn')}
        rules={[{ required: true, whitespace: true, message: t('maturity.models.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { REEVALUATION_OUTCOMES, REVOCATION_CAUSES, type ReevaluationOutcome, type RevocationCause } from '@zhizao/domain';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { reevaluate, revoke, type Recognition } from '../ladderApi.ts';
import { recognitionKeys } from '../queries.ts';

export type RecognitionDialog = { kind: 'reevaluate' | 'revoke'; recognition: Recognition } | null;

/** Re-evaluation (every two years: excellent / pass / fail) and revocation (cause, reapply ban) dialogs. */
export function RecognitionDialogs({ dialog, onClose }: { dialog: RecognitionDialog; onClose(): void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
  const name = dialog ? `${dialog.recognition.enterpriseName} · ${dialog.recognition.recognitionNumber}` : '';
  return (
    <>
      <FormModal<{ outcome: ReevaluationOutcome; evaluatedOn?: Dayjs; note: string }>
        name="reevaluate"
        open={dialog?.kind === 'reevaluate'}
        title={`${t('recognition.rec.reevaluate')} · ${name}`}
        fields={['outcome', 'evaluatedOn', 'note']}
        onSubmit={async (v) => {
          await reevaluate(dialog!.recognition.id, { outcome: v.outcome, evaluatedOn: v.evaluatedOn?.format('YYYY-MM-DD'), note: v.note });
          await done();
        }}
        onClose={onClose}
        testId="reevaluate-dialog"
      >
        <Form.Item
          name="outcome"
          label={t('recognition.rec.outcome')}
          rules={[{ required: true, message: t('common.requiredChoice') }]}
          extra={t('recognition.rec.failHint')}
        >
          <Radio.Group options={REEVALUATION_OUTCOMES.map((o) => ({ value: o, label: t(`recognition.reeval.${o}`) }))} />
        </Form.Item>
        <Form.Item name="evaluatedOn" label={t('recognition.rec.evaluatedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('recognition.rec.note')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="reevaluate-note" />
        </Form.Item>
      </FormModal>
      <FormModal<{ cause: RevocationCause; note: string; banUntil?: Dayjs }>
        name="revoke"
        open={dialog?.kind === 'revoke'}
        title={`${t('recognition.rec.revoke')} · ${name}`}
        okText={t('recognition.rec.revoke')}
        fields={['cause', 'note', 'banUntil']}
        onSubmit={async (v) => {
          await revoke(dialog!.recognition.id, { cause: v.cause, note: v.note, banUntil: v.banUntil?.format('YYYY-MM-DD') });
          await done();
        }}
        onClose={onClose}
      >
        <Form.Item name="cause" label={t('recognition.rec.cause')} rules={[{ required: true, message: t('common.requiredChoice') }]}>
          <Select options={REVOCATION_CAUSES.map((c) => ({ value: c, label: t(`recognition.cause.${c}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('recognition.rec.note')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="banUntil" label={t('recognition.rec.banUntil')} extra={t('recognition.rec.banHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}

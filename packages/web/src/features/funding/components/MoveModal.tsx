import type { AwardAction } from '@zhizao/domain';
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../app/components/FormModal.tsx';
import type { Award, Envelope, MoveBody } from '../api.ts';
import { useFundingLabels } from '../labels.ts';
import { fenOf, yuanOf } from '../money.ts';
import { useFunds, useMoveAward, useProject } from '../queries.ts';
import { DateField } from './DateField.tsx';
import { MoneyInput } from './MoneyInput.tsx';

// What each move asks for, beyond the click (API-NOTES "Awards": the extra body per action).
const NOTE_REQUIRED: readonly AwardAction[] = ['preliminaryReject', 'secondReject', 'reject'];
const MOVE_FIELDS = [
  'note',
  'noticeStart',
  'noticeEnd',
  'envelopeId',
  'approvedFen',
  'amountFen',
  'batch',
  'completionDate',
  'actuals',
] as const;

/** The move's body as the dialog holds it: amounts in yuan, actuals keyed by KPI code. */
type Values = Omit<MoveBody, 'action' | 'actuals'> & { actuals?: Record<string, number> };

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The smart-digital envelope of the award's year, where approvals draw from by default. */
export function useAwardEnvelopes(award: Award, enabled: boolean) {
  const funds = useFunds(enabled);
  const fund = funds.data?.find((f) => f.year === award.year);
  const envelopes = fund?.envelopes ?? [];
  const current = envelopes.find((e) => e.id === award.envelopeId) ?? envelopes.find((e) => e.kind === 'smart_digital');
  return { fund, envelopes, current, loading: funds.isPending && enabled };
}

/** One move of the award in a dialog: asks what the move needs, keeps it all when the server refuses. */
export function MoveModal({ award, action, onClose }: { award: Award; action: AwardAction | null; onClose(): void }) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const move = useMoveAward(award.id);
  const { envelopes, current } = useAwardEnvelopes(award, action === 'approve');
  const open = (award.approvedFen ?? 0) - award.paidFen;

  const initial: Values = {
    noticeStart: today(),
    noticeEnd: inDays(7),
    envelopeId: current?.id,
    approvedFen: yuanOf(award.amountFen) ?? undefined,
    amountFen:
      yuanOf(action === 'clawBack' ? (award.evaluation?.suggestedClawBackFen ?? award.paidFen - award.clawedBackFen) : open) ?? undefined,
    batch: `${award.year}-${award.moves.filter((m) => m.action === 'pay').length + 1}`,
    completionDate: today(),
  };

  const submit = async (v: Values) => {
    const body: MoveBody = { action: action!, ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
    if (action === 'publishNotice') Object.assign(body, { noticeStart: v.noticeStart, noticeEnd: v.noticeEnd });
    if (action === 'approve') Object.assign(body, { envelopeId: v.envelopeId, approvedFen: fenOf(v.approvedFen) ?? undefined });
    if (action === 'pay') Object.assign(body, { amountFen: fenOf(v.amountFen), batch: v.batch });
    if (action === 'clawBack') Object.assign(body, { amountFen: fenOf(v.amountFen) });
    if (action === 'evaluate')
      Object.assign(body, {
        completionDate: v.completionDate,
        actuals: Object.entries(v.actuals ?? {}).map(([code, actual]) => ({ code, actual })),
      });
    await move.mutateAsync(body);
  };

  return (
    // A form per move and award version: FormModal's form keeps values between openings, and a payment
    // must start from what is still open now, not from the previous dialog's amount.
    <FormModal<Values>
      key={`${action}-${award.version}`}
      name="move"
      open={action !== null}
      title={action ? labels.action(action) : ''}
      fields={MOVE_FIELDS}
      initialValues={initial}
      onSubmit={submit}
      onClose={onClose}
      testId="move-modal"
    >
      {action === 'publishNotice' && (
        <>
          <Form.Item name="noticeStart" label={t('funding.field.noticeStart')} rules={labels.required(t('funding.field.noticeStart'))}>
            <DateField />
          </Form.Item>
          <Form.Item name="noticeEnd" label={t('funding.field.noticeEnd')} rules={labels.required(t('funding.field.noticeEnd'))}>
            <DateField />
          </Form.Item>
        </>
      )}
      {action === 'approve' && <ApproveFields envelopes={envelopes} />}
      {(action === 'pay' || action === 'clawBack') && (
        <Form.Item
          name="amountFen"
          label={t('funding.calc.amount')}
          rules={labels.required(t('funding.calc.amount'))}
          extra={action === 'pay' ? `${t('funding.award.open')}：${labels.yuan(open)}` : undefined}
        >
          <MoneyInput />
        </Form.Item>
      )}
      {action === 'pay' && (
        <Form.Item name="batch" label={t('funding.field.batch')} rules={labels.required(t('funding.field.batch'))}>
          <Input maxLength={40} />
        </Form.Item>
      )}
      {action === 'evaluate' && <EvaluateFields award={award} />}
      <Form.Item
        name="note"
        label={t('funding.field.note')}
        rules={action && NOTE_REQUIRED.includes(action) ? labels.required(t('funding.field.note')) : undefined}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** The envelope to draw from and the amount, with what the envelope has left in plain sight. */
function ApproveFields({ envelopes }: { envelopes: Envelope[] }) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const form = Form.useFormInstance<Values>();
  const envelopeId = Form.useWatch('envelopeId', form);
  const amount = fenOf(Form.useWatch('approvedFen', form)) ?? 0;
  const envelope = envelopes.find((e) => e.id === envelopeId);
  const over = envelope ? amount > envelope.availableFen : false;
  return (
    <>
      <Form.Item name="envelopeId" label={t('funding.field.envelope')}>
        <Select options={envelopes.map((e) => ({ value: e.id, label: `${e.name} · ${labels.wan(e.availableFen)}` }))} />
      </Form.Item>
      {envelope && (
        <Alert
          type={over ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('funding.award.available', { name: envelope.name, amount: labels.yuan(envelope.availableFen) })}
          description={over ? t('funding.award.overBudget') : undefined}
          data-testid="envelope-available"
        />
      )}
      <Form.Item name="approvedFen" label={t('funding.field.approved')}>
        <MoneyInput />
      </Form.Item>
    </>
  );
}

/** The completion date and one actual value per target KPI of the project. */
function EvaluateFields({ award }: { award: Award }) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const project = useProject(award.projectId);
  return (
    <>
      <Form.Item
        name="completionDate"
        label={t('funding.field.completionDate')}
        rules={labels.required(t('funding.field.completionDate'), true)}
      >
        <DateField />
      </Form.Item>
      {(project.data?.targets ?? []).map((k) => (
        <Form.Item
          key={k.code}
          name={['actuals', k.code]}
          label={`${k.name}（${t('funding.field.target')} ${k.target} ${k.unit}）`}
          rules={labels.required(k.name)}
        >
          <InputNumber<number> style={{ width: '100%' }} suffix={k.unit} />
        </Form.Item>
      ))}
    </>
  );
}

import { Collapse, Input, Radio, Typography } from 'antd';
import { memo } from 'react';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { AnswerInput, AnswerValue, Requirement } from '../api.ts';
import { EvidenceFiles } from './EvidenceFiles.tsx';

const CHOICES: {
  value: AnswerValue | 'na';
  label: 'maturity.answer.1' | 'maturity.answer.0.8' | 'maturity.answer.0.5' | 'maturity.answer.0' | 'maturity.answer.na';
}[] = [
  { value: 1, label: 'maturity.answer.1' },
  { value: 0.8, label: 'maturity.answer.0.8' },
  { value: 0.5, label: 'maturity.answer.0.5' },
  { value: 0, label: 'maturity.answer.0' },
  { value: 'na', label: 'maturity.answer.na' },
];

interface Props {
  requirement: Requirement;
  index: number;
  answer: AnswerInput | undefined;
  readOnly: boolean;
  /** Marked after a refused submit: this one is still unanswered. */
  missing: boolean;
  onChange(answer: AnswerInput): void;
}

/** One requirement: its text, an evidence hint, the five answers, the justification for N/A and a note. */
export const RequirementItem = memo(function RequirementItem({ requirement, index, answer, readOnly, missing, onChange }: Props) {
  const { t, pick } = useI18n();
  const choice = answer === undefined ? undefined : answer.value === null ? 'na' : answer.value;
  const change = (patch: Partial<AnswerInput>) =>
    onChange({ requirementId: requirement.id, value: answer?.value ?? null, naReason: answer?.naReason, note: answer?.note, ...patch });
  const naWithoutReason = choice === 'na' && !answer?.naReason?.trim();
  return (
    <div
      className={`zz-maturity-item${missing ? ' zz-maturity-item-missing' : ''}`}
      id={`req-${requirement.id}`}
      data-testid="requirement"
      data-requirement={requirement.id}
    >
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {index}. {pick(requirement.text)}
        {missing && <Typography.Text type="danger"> （{t('maturity.unanswered')}）</Typography.Text>}
      </Typography.Paragraph>
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'e',
            label: t('maturity.q.evidence'),
            children: <Typography.Text type="secondary">{pick(requirement.evidence)}</Typography.Text>,
          },
        ]}
      />
      <Radio.Group
        disabled={readOnly}
        value={choice}
        onChange={(e) => change(e.target.value === 'na' ? { value: null } : { value: e.target.value as AnswerValue, naReason: undefined })}
        options={CHOICES.map((c) => ({ value: c.value, label: t(c.label) }))}
        style={{ margin: '8px 0' }}
      />
      {choice === 'na' && (
        <Input.TextArea
          disabled={readOnly}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          status={naWithoutReason ? 'error' : undefined}
          placeholder={t('maturity.q.naReason')}
          value={answer?.naReason ?? ''}
          onChange={(e) => change({ naReason: e.target.value })}
          data-testid="na-reason"
        />
      )}
      {naWithoutReason && !readOnly && <Typography.Text type="danger">{t('maturity.q.naReasonMissing')}</Typography.Text>}
      <Input
        disabled={readOnly}
        size="small"
        maxLength={4000}
        placeholder={t('maturity.q.note')}
        value={answer?.note ?? ''}
        onChange={(e) => change({ note: e.target.value })}
        style={{ marginTop: 8 }}
        data-testid="note"
      />
      <EvidenceFiles requirementId={requirement.id} readOnly={readOnly} />
    </div>
  );
});

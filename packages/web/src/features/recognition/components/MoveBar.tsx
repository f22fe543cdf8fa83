import { useQueryClient } from '@tanstack/react-query';
import { MOVES, type ApplicationMove } from '@zhizao/domain';
import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { moveApplication, type ApplicationDetail } from '../api.ts';
import { recognitionKeys } from '../queries.ts';

const DANGER = new Set<ApplicationMove>(['district_return', 'city_return', 'city_reject', 'reject', 'withdraw']);
const PRIMARY = new Set<ApplicationMove>(['submit', 'resubmit', 'district_pass', 'city_pass', 'close_scoring', 'recognise']);
/** Moves where a reviewer may add an opinion although none is required (初审意见). */
const OPINION = new Set<ApplicationMove>(['district_pass', 'city_pass']);

interface Props {
  detail: ApplicationDetail;
  /** Runs before a move is sent (the enterprise's form saves what is typed); false stops the move. */
  beforeMove?(move: ApplicationMove): Promise<boolean>;
}

/** The moves the caller may make now (the server's `allowedMoves`), each with its reason dialog or confirm. */
export function MoveBar({ detail, beforeMove }: Props) {
  const t = useT();
  const { modal, message } = App.useApp();
  const run = useAction();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ApplicationMove | null>(null);
  const moves = detail.allowedMoves.filter((m) => m !== 'publish_notice');
  if (!moves.length) return null;

  const send = async (move: ApplicationMove, reason?: string) => {
    if (beforeMove && !(await beforeMove(move))) throw new Error(t('recognition.move.waitSave'));
    // The version is read fresh: autosave may have moved it on since this page rendered.
    const fresh = queryClient.getQueryData<ApplicationDetail>(recognitionKeys.application(detail.id)) ?? detail;
    await moveApplication(detail.id, move, fresh.version, reason);
    await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
  };

  const click = (move: ApplicationMove) => {
    if (MOVES[move].needsReason || OPINION.has(move)) return setAsking(move);
    modal.confirm({
      title: t(`recognition.move.${move}`),
      content: t(`recognition.confirm.${move}`),
      okText: t(`recognition.move.${move}`),
      cancelText: t('common.cancel'),
      onOk: () => run(() => send(move), t('recognition.move.done')),
    });
  };

  return (
    <>
      <Space wrap data-testid="moves">
        {moves.map((m) => (
          <Button
            key={m}
            type={PRIMARY.has(m) ? 'primary' : 'default'}
            danger={DANGER.has(m)}
            onClick={() => click(m)}
            data-testid={`move-${m}`}
          >
            {t(`recognition.move.${m}`)}
          </Button>
        ))}
      </Space>
      <FormModal<{ reason?: string }>
        name="move"
        open={asking !== null}
        title={asking ? t(`recognition.move.${asking}`) : ''}
        fields={['reason']}
        onSubmit={async ({ reason }) => {
          await send(asking!, reason?.trim() || undefined);
          void message.success(t('recognition.move.done'));
        }}
        onClose={() => setAsking(null)}
        testId="move-dialog"
      >
        <Form.Item
          name="reason"
          label={t(asking && MOVES[asking].needsReason ? 'recognition.move.reason' : 'recognition.move.opinion')}
          rules={
            asking && MOVES[asking].needsReason ? [{ required: true, whitespace: true, message: t('recognition.move.reasonRequired') }] : []
          }
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="move-reason" />
        </Form.Item>
      </FormModal>
    </>
  );
}

import { Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { HistoryEntry } from '../api.ts';
import { formatTime, useRecognitionLabels } from '../labels.ts';

/** Every move the application went through, who made it, and the reason given. */
export function History({ entries }: { entries: HistoryEntry[] }) {
  const t = useT();
  const labels = useRecognitionLabels();
  if (!entries.length) return <Typography.Text type="secondary">{t('recognition.history.none')}</Typography.Text>;
  return (
    <Timeline
      data-testid="history"
      items={entries.map((h) => ({
        color: h.toState === 'returned' || h.toState === 'rejected' ? 'red' : h.toState === 'recognised' ? 'green' : 'blue',
        content: (
          <div data-testid="history-entry">
            <Typography.Text strong>{t(`recognition.move.${h.move}`)}</Typography.Text> → {labels.state(h.toState)}
            <br />
            <Typography.Text type="secondary">
              {formatTime(h.at)} · {h.actorName ?? '—'}
            </Typography.Text>
            {h.reason && <div data-testid="history-reason">{h.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}

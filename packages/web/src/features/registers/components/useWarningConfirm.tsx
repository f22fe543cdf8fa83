import { App, Typography } from 'antd';
import { useCallback } from 'react';
import { ApiError, type FieldProblem } from '../../../app/api/client.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/**
 * Saves; when the server answers that values are implausible (registers.confirmWarnings), shows each
 * warning with the rule checked and saves again only if the user confirms. Other errors go to the caller.
 */
export function useWarningConfirm() {
  const { modal } = App.useApp();
  const t = useT();
  return useCallback(
    async <T,>(save: (confirmWarnings: boolean) => Promise<T>): Promise<T | null> => {
      try {
        return await save(false);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'registers.confirmWarnings') throw error;
        const confirmed = await modal.confirm({
          title: t('registers.form.warningsTitle'),
          width: 560,
          okText: t('registers.form.warningsConfirm'),
          content: (
            <div data-testid="register-warnings">
              <Typography.Paragraph type="secondary">{t('registers.form.warningsHint')}</Typography.Paragraph>
              <ul>
                {error.details.map((p: FieldProblem & { rule?: string }, i) => (
                  <li key={i}>
                    {p.message}
                    {p.rule && <Typography.Text type="secondary"> · {t('registers.form.rule', { rule: p.rule })}</Typography.Text>}
                  </li>
                ))}
              </ul>
            </div>
          ),
        });
        return confirmed ? save(true) : null;
      }
    },
    [modal, t],
  );
}

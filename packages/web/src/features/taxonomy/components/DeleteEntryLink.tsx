import { App, Popconfirm, Tooltip, Typography } from 'antd';
import { ApiError } from '../../../app/api/client.ts';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { deleteEntry, type CreatableKind } from '../api.ts';
import { useTaxonomyChange } from '../queries.ts';
import type { TaxonomyRow } from './EntryTable.tsx';

interface Props {
  kind: CreatableKind;
  entry: TaxonomyRow;
  /** Why the entry cannot go, as far as this page knows (enterprises or clusters still use it). */
  blockedBy: string | null;
}

/**
 * Deletes after a confirmation. An entry known to be in use offers no delete, only the reason; if it
 * came into use since the page was read, the server's refusal is shown in a dialog that names it.
 */
export function DeleteEntryLink({ kind, entry, blockedBy }: Props) {
  const { t, pick } = useI18n();
  const { modal } = App.useApp();
  const run = useAction();
  const remove = useTaxonomyChange(() => deleteEntry(kind, entry.code));
  const name = pick({ zh: entry.nameZh, en: entry.nameEn });

  if (blockedBy) {
    return (
      <Tooltip title={blockedBy}>
        <Typography.Text type="secondary" style={{ cursor: 'not-allowed' }} data-testid="delete-blocked">
          {t('taxonomy.delete')}
        </Typography.Text>
      </Tooltip>
    );
  }
  const explain = (error: unknown) => {
    if (!(error instanceof ApiError && error.status === 409)) return false;
    modal.warning({ title: t('taxonomy.cannotDelete', { name }), content: error.message, okText: t('common.confirm') });
    return true;
  };
  return (
    <Popconfirm
      title={t('taxonomy.deleteConfirm', { name })}
      okText={t('taxonomy.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits this promise to show the OK button loading; its type says void
      onConfirm={() => run(() => remove.mutateAsync(undefined), t('taxonomy.deleted', { name }), explain)}
    >
      <Typography.Link type="danger">{t('taxonomy.delete')}</Typography.Link>
    </Popconfirm>
  );
}

import { fieldLabel } from '@zhizao/domain';
import { Alert, App, Form, Input, Select } from 'antd';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyOptions } from '../../registry/taxonomy.ts';
import { createEntry, updateEntry, type CreatableKind, type EntryInput, type TaxonomyKind } from '../api.ts';
import { useTaxonomyChange } from '../queries.ts';
import type { TaxonomyRow } from './EntryTable.tsx';

/** Which entry the dialog is for: a new chain or cluster (entry null), or an existing entry to edit. */
export type EntryEditing = { kind: TaxonomyKind; entry: TaxonomyRow } | { kind: CreatableKind; entry: null };

// The server's code rule (taxonomy.routes.ts, CODE_PATTERN), checked here first to save a round trip.
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;
const FIELDS = ['code', 'nameZh', 'nameEn', 'chainCode'] as const;

/** Create or edit one entry; a refusal (code or name taken) lands on its field and the typing stays. */
export function EntryFormModal({ editing, onClose }: { editing: EntryEditing | null; onClose(): void }) {
  const { t, pick, locale } = useI18n();
  const { message } = App.useApp();
  const { chains } = useTaxonomyOptions();
  const save = useTaxonomyChange(({ editing: e, input }: { editing: EntryEditing; input: EntryInput }) =>
    e.entry === null ? createEntry(e.kind, input) : updateEntry(e.kind, { ...input, code: e.entry.code }),
  );
  const kind = editing?.kind ?? 'chains';
  const entry = editing?.entry ?? null;
  const label = (f: string) => fieldLabel(f, locale);
  const required = (f: string, name = label(f)) => ({ required: true, whitespace: true, message: t('common.required', { field: name }) });

  return (
    <FormModal<EntryInput>
      name="taxonomyEntry"
      open={editing !== null}
      title={
        entry
          ? t('taxonomy.editTitle', { name: pick({ zh: entry.nameZh, en: entry.nameEn }) })
          : t(kind === 'clusters' ? 'taxonomy.new.clusters' : 'taxonomy.new.chains')
      }
      okText={t('common.save')}
      fields={FIELDS}
      initialValues={entry ? { code: entry.code, nameZh: entry.nameZh, nameEn: entry.nameEn, chainCode: entry.chainCode ?? undefined } : {}}
      onClose={onClose}
      onSubmit={async (input) => {
        await save.mutateAsync({ editing: editing!, input });
        const name = pick({ zh: input.nameZh.trim(), en: input.nameEn.trim() });
        void message.success(t(entry ? 'taxonomy.updated' : 'taxonomy.created', { name }));
      }}
      testId="taxonomy-entry-modal"
    >
      {kind === 'districts' && <Alert type="info" showIcon title={t('taxonomy.districtHint')} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="code"
        label={label('code')}
        extra={entry ? undefined : t('taxonomy.codeHint')}
        rules={entry ? [] : [required('code'), { pattern: CODE_PATTERN, message: t('taxonomy.codePattern') }]}
      >
        <Input className="zz-mono" disabled={entry !== null} maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="nameZh" label={label('nameZh')} rules={[required('nameZh')]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="nameEn" label={label('nameEn')} rules={[required('nameEn')]}>
        <Input maxLength={100} />
      </Form.Item>
      {kind === 'clusters' && (
        <Form.Item
          name="chainCode"
          label={t('taxonomy.col.chain')}
          rules={[{ required: true, message: t('common.requiredChoice', { field: t('taxonomy.col.chain') }) }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={chains} />
        </Form.Item>
      )}
    </FormModal>
  );
}

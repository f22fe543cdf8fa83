import { useQueryClient } from '@tanstack/react-query';
import { Tabs, Tag } from 'antd';
import { App } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createProgramme, updateProgramme } from '../api.ts';
import { blankProgramme, ProgrammeForm } from '../components/ProgrammeForm.tsx';
import { ShortlistPanel } from '../components/ShortlistPanel.tsx';
import { useRecognitionLabels } from '../labels.ts';
import { recognitionKeys, useProgramme } from '../queries.ts';

/** A programme's settings (the bureau edits them) and, once scored, its ranked shortlist. */
export function ProgrammeDetailPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const labels = useRecognitionLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const param = useParams().id;
  const isNew = param === 'new';
  const id = isNew ? 0 : Number(param);
  const programme = useProgramme(id);
  const writable = can('recognition.programme.write');
  const crumbs = [{ title: t('menu.recognitionProgrammes'), to: '/recognition/programmes' }];

  if (isNew) {
    return (
      <Page title={t('recognition.prog.new')} crumbs={[...crumbs, { title: t('recognition.prog.new') }]}>
        <ProgrammeForm
          initial={blankProgramme()}
          readOnly={!writable}
          onSave={async (input) => {
            const created = await createProgramme(input);
            await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
            void message.success(t('common.saved'));
            void navigate(`/recognition/programmes/${created.id}`, { replace: true });
          }}
        />
      </Page>
    );
  }
  if (programme.isError) return <LoadError error={programme.error} onRetry={() => void programme.refetch()} />;
  if (!programme.data) return <PageSkeleton rows={10} />;
  const p = programme.data;
  return (
    <Page
      title={p.title}
      subtitle={
        <>
          {labels.programme(p)}{' '}
          <Tag color={p.isOpen ? 'green' : 'default'}>{t(p.isOpen ? 'recognition.prog.open' : 'recognition.prog.closed')}</Tag>
        </>
      }
      crumbs={[...crumbs, { title: p.title }]}
    >
      <Tabs
        defaultActiveKey={can('recognition.review.city') && (p.counts.shortlisted || p.counts.in_notice) ? 'shortlist' : 'settings'}
        items={[
          {
            key: 'settings',
            label: t('recognition.prog.settings'),
            children: (
              <ProgrammeForm
                key={p.version}
                programme={p}
                initial={p}
                readOnly={!writable}
                onSave={async (input) => {
                  await updateProgramme(p.id, { ...input, version: p.version });
                  await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
                  void message.success(t('common.saved'));
                }}
              />
            ),
          },
          ...(can('recognition.review.city')
            ? [
                {
                  key: 'shortlist',
                  label: <span data-testid="tab-shortlist">{t('recognition.shortlist.title')}</span>,
                  children: (
                    <div className="zz-card">
                      <ShortlistPanel programme={p} />
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Page>
  );
}

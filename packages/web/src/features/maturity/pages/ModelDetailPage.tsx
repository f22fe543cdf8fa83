import { Card, Descriptions, Tabs } from 'antd';
import { useParams } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { ModelBank } from '../components/ModelBank.tsx';
import { ModelStatusTags } from '../components/ModelStatusTags.tsx';
import { ModelWeights } from '../components/ModelWeights.tsx';
import { useModel } from '../queries.ts';

/** One model version: weights and question bank; editable only for the bureau's custom copies. */
export function ModelDetailPage() {
  const { t, locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const { id } = useParams();
  const model = useModel(id);
  if (model.isError) return <LoadError error={model.error} onRetry={() => void model.refetch()} />;
  if (!model.data) return <PageSkeleton />;
  const def = model.data.definition;
  const editable = def.status === 'custom';
  return (
    <Page title={`${def.id} · ${def.name[lang]}`} crumbs={[{ title: t('menu.maturityModels'), to: '/maturity/models' }, { title: def.id }]}>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('maturity.col.status')}>
            <ModelStatusTags status={def.status} provisional={def.provisional} />
          </Descriptions.Item>
          <Descriptions.Item label={t('maturity.models.col.basedOn')}>{def.basedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('maturity.models.col.requirements')}>{model.data.requirements.length}</Descriptions.Item>
          {def.provisional && def.provisionalNote && (
            <Descriptions.Item label={t('maturity.models.provisional')} span={3}>
              {def.provisionalNote[lang]}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'weights',
              label: t('maturity.models.tab.weights'),
              children: <ModelWeights key={def.id} def={def} editable={editable} />,
            },
            {
              key: 'bank',
              label: t('maturity.models.tab.bank'),
              children: <ModelBank def={def} requirements={model.data.requirements} editable={editable} />,
            },
          ]}
        />
      </Card>
    </Page>
  );
}

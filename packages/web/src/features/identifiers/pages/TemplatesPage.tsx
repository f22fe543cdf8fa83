import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, List, Row } from 'antd';
import { useState } from 'react';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PrefixSelect } from '../components/PrefixSelect.tsx';
import { TemplateEditor } from '../components/TemplateEditor.tsx';
import { TemplateItemsTable } from '../components/TemplateItemsTable.tsx';
import { formatTime } from '../labels.tsx';
import { useTemplate, useTemplates } from '../queries.ts';

/** Metadata templates (元数据模板) per prefix: the versions on the left, the chosen version's items on the right. */
export function TemplatesPage() {
  const t = useT();
  const { message } = App.useApp();
  const [prefix, setPrefix] = useState<string>();
  const [chosen, setChosen] = useState<string>();
  const [editing, setEditing] = useState(false);
  const templates = useTemplates(prefix);
  const versions = templates.data?.items ?? [];
  const version = chosen && versions.some((v) => v.version === chosen) ? chosen : versions[0]?.version;
  const template = useTemplate(prefix, version);
  const newButton = (testId?: string) => (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      disabled={!prefix || (!!version && !template.data)}
      onClick={() => setEditing(true)}
      data-testid={testId}
    >
      {t(versions.length ? 'identifiers.template.newFromLatest' : 'identifiers.template.create')}
    </Button>
  );

  return (
    <Page
      title={t('identifiers.template.title')}
      subtitle={t('identifiers.template.subtitle')}
      extra={
        <>
          <PrefixSelect value={prefix} onChange={setPrefix} />
          {newButton('new-template')}
        </>
      }
    >
      {!prefix ? (
        <div className="zz-card">
          <EmptyState description={t('identifiers.prefix.needActive')} />
        </div>
      ) : templates.isError ? (
        <LoadError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.isPending ? (
        <PageSkeleton />
      ) : !versions.length ? (
        <div className="zz-card">
          <EmptyState description={t('identifiers.template.empty')} action={newButton()} />
        </div>
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={7}>
            <Card title={t('identifiers.template.versions')} size="small" data-testid="template-versions">
              <List
                dataSource={versions}
                renderItem={(v) => (
                  <List.Item
                    onClick={() => setChosen(v.version)}
                    style={{ cursor: 'pointer', background: v.version === version ? '#e6f4ff' : undefined, paddingInline: 8 }}
                  >
                    <List.Item.Meta
                      title={<span className="zz-mono">{v.version}</span>}
                      description={t('identifiers.template.versionLine', { items: v.itemCount, at: formatTime(v.createdAt) })}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            <Card title={t('identifiers.template.versionTitle', { version: version ?? '' })} size="small">
              {template.isError ? (
                <LoadError error={template.error} onRetry={() => void template.refetch()} />
              ) : !template.data ? (
                <PageSkeleton rows={4} />
              ) : (
                <>
                  <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
                    <Descriptions.Item label={t('identifiers.template.industry')}>
                      {[
                        template.data.industryCategory,
                        template.data.industrySpecific,
                        template.data.industryTrade,
                        template.data.industrySubclass,
                      ].join(' / ')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('identifiers.template.carrier')}>
                      {t(template.data.type === 1 ? 'identifiers.template.carrier1' : 'identifiers.template.carrier2')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('identifiers.template.description')} span={2}>
                      {template.data.description || '—'}
                    </Descriptions.Item>
                  </Descriptions>
                  {template.data.items.length ? (
                    <TemplateItemsTable items={template.data.items} />
                  ) : (
                    <Empty description={t('identifiers.template.noItems')} />
                  )}
                </>
              )}
            </Card>
          </Col>
        </Row>
      )}
      {prefix && (
        <TemplateEditor
          prefix={prefix}
          base={versions.length ? (template.data ?? null) : null}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setChosen(saved);
            void message.success(t('identifiers.template.saved', { version: saved }));
          }}
        />
      )}
    </Page>
  );
}

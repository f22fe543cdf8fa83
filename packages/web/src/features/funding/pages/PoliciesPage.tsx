import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { retirePolicy, type Policy } from '../api.ts';
import { PolicyEditor } from '../components/PolicyEditor.tsx';
import { PolicyRulesView } from '../components/PolicyRulesView.tsx';
import { useInvalidateFunding, usePolicies } from '../queries.ts';

/** Subsidy policies as data: one card per policy code with its current rules and every earlier version. */
export function PoliciesPage() {
  const t = useT();
  const can = useCan();
  const run = useAction();
  const invalidate = useInvalidateFunding();
  const policies = usePolicies(true);
  const [editing, setEditing] = useState<Policy | null | 'new'>(null);
  const [shown, setShown] = useState<Record<string, number>>({});
  const byCode = useMemo(() => {
    const groups = new Map<string, Policy[]>();
    for (const p of policies.data ?? []) groups.set(p.code, [...(groups.get(p.code) ?? []), p]);
    return [...groups.values()].map((versions) => versions.sort((a, b) => b.version - a.version));
  }, [policies.data]);

  return (
    <Page
      title={t('funding.policies.title')}
      subtitle={t('funding.policies.subtitle')}
      crumbs={[{ title: t('menu.funding') }, { title: t('menu.fundingPolicies') }]}
      extra={
        can('funding.policy.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-policy">
            {t('funding.policies.new')}
          </Button>
        )
      }
    >
      {policies.isError ? (
        <LoadError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : policies.isPending ? (
        <PageSkeleton rows={8} />
      ) : byCode.length === 0 ? (
        <div className="zz-card">
          <EmptyState description={t('funding.policies.empty')} />
        </div>
      ) : (
        byCode.map((versions) => {
          const latest = versions[0]!;
          const current = versions.find((v) => v.id === shown[latest.code]) ?? latest;
          return (
            <Card
              key={latest.code}
              style={{ marginBottom: 16 }}
              data-testid={`policy-${latest.code}`}
              title={
                <Space>
                  {current.name}
                  <Tag className="zz-mono">
                    {current.code} v{current.version}
                  </Tag>
                  <Tag color={current.status === 'active' ? 'green' : 'default'}>{t(`funding.policies.status.${current.status}`)}</Tag>
                  {current.year && <Tag>{current.year}</Tag>}
                </Space>
              }
              extra={
                can('funding.policy.write') && (
                  <Space>
                    {current.status === 'active' && (
                      <Popconfirm
                        title={t('funding.policies.retireConfirm')}
                        onConfirm={() =>
                          void run(async () => {
                            await retirePolicy(current.id);
                            await invalidate();
                          }, t('funding.policies.retired'))
                        }
                      >
                        <Button danger>{t('funding.policies.retire')}</Button>
                      </Popconfirm>
                    )}
                    <Button type="primary" onClick={() => setEditing(latest)} data-testid="new-version">
                      {t('funding.policies.newVersion')}
                    </Button>
                  </Space>
                )
              }
            >
              <Row gutter={24}>
                <Col xs={24} xl={16}>
                  {current.basis && (
                    <Typography.Paragraph type="secondary">
                      {t('funding.policies.basis')}：{current.basis}
                    </Typography.Paragraph>
                  )}
                  <PolicyRulesView rules={current.rules} />
                </Col>
                <Col xs={24} xl={8}>
                  <Typography.Text strong>{t('funding.policies.history')}</Typography.Text>
                  <List
                    size="small"
                    dataSource={versions}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                    renderItem={(v) => (
                      <List.Item
                        style={{ cursor: 'pointer', background: v.id === current.id ? '#e6f4ff' : undefined, paddingInline: 8 }}
                        onClick={() => setShown((s) => ({ ...s, [latest.code]: v.id }))}
                      >
                        <Space>
                          <span>v{v.version}</span>
                          <Typography.Text type="secondary">{v.createdAt.slice(0, 10)}</Typography.Text>
                          {v.id !== latest.id && v.status === 'active' ? (
                            <Tag>{t('funding.policies.superseded', { version: latest.version })}</Tag>
                          ) : (
                            <Tag color={v.status === 'active' ? 'green' : 'default'}>{t(`funding.policies.status.${v.status}`)}</Tag>
                          )}
                        </Space>
                      </List.Item>
                    )}
                  />
                </Col>
              </Row>
            </Card>
          );
        })
      )}
      <PolicyEditor from={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </Page>
  );
}

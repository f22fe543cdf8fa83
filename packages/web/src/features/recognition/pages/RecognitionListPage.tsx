import { DownloadOutlined, RiseOutlined } from '@ant-design/icons';
import { RECOGNITION_KINDS, RECOGNITION_LEVELS } from '@zhizao/domain';
import { Button, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import { RecognitionDialogs, type RecognitionDialog } from '../components/RecognitionActions.tsx';
import { RecommendModal } from '../components/RecommendModal.tsx';
import { downloadCertificate, type Recognition, type RecognitionQuery } from '../ladderApi.ts';
import { chinaToday, NOWRAP, useRecognitionLabels } from '../labels.ts';
import { useRecognitions } from '../queries.ts';

/** Recognised smart factories and digital workshops: certificates, re-evaluation, revocation, recommending upward. */
export function RecognitionListPage() {
  const t = useT();
  const { can } = useAuth();
  const run = useAction();
  const labels = useRecognitionLabels();
  const names = useTaxonomyNames();
  const [query, setQuery] = useState<RecognitionQuery>({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<Recognition[]>([]);
  const [recommending, setRecommending] = useState(false);
  const [dialog, setDialog] = useState<RecognitionDialog>(null);
  const list = useRecognitions(query);
  const grant = can('recognition.grant');
  const recommend = can('recognition.recommend');
  const filter = (patch: Partial<RecognitionQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const year = chinaToday().year();
  // One pack is one kind, year and level: the first choice fixes them.
  const sameGroup = (r: Recognition) =>
    !selected[0] || (selected[0].kind === r.kind && selected[0].year === r.year && selected[0].level === r.level);

  return (
    <Page
      title={t('recognition.rec.title')}
      subtitle={t('recognition.rec.subtitle')}
      extra={
        recommend && (
          <Button
            type="primary"
            icon={<RiseOutlined />}
            disabled={!selected.length}
            onClick={() => setRecommending(true)}
            data-testid="recommend-button"
          >
            {t('recognition.recommend.button', { count: selected.length })}
          </Button>
        )
      }
    >
      <div className="zz-card">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('recognition.filter.level')}
            style={{ width: 140 }}
            value={query.level}
            onChange={(level) => filter({ level })}
            options={RECOGNITION_LEVELS.map((l) => ({ value: l, label: labels.level(l) }))}
          />
          <Select
            allowClear
            placeholder={t('recognition.filter.kind')}
            style={{ width: 160 }}
            value={query.kind}
            onChange={(kind) => filter({ kind })}
            options={RECOGNITION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          />
          <Select
            allowClear
            placeholder={t('recognition.filter.year')}
            style={{ width: 120 }}
            value={query.year}
            onChange={(y?: number) => filter({ year: y })}
            options={Array.from({ length: 8 }, (_, i) => ({ value: year - i, label: String(year - i) }))}
          />
          <Select
            allowClear
            placeholder={t('recognition.filter.status')}
            style={{ width: 140 }}
            value={query.status}
            onChange={(status) => filter({ status })}
            options={[
              { value: 'active', label: t('recognition.rec.active') },
              { value: 'revoked', label: t('recognition.rec.revoked') },
            ]}
          />
        </Space>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Recognition>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: true }}
            data-testid="recognition-table"
            locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('recognition.rec.empty')} /> }}
            rowSelection={
              recommend
                ? {
                    preserveSelectedRowKeys: true,
                    selectedRowKeys: selected.map((r) => r.id),
                    // Kept in the order ticked: that order is the pack's priority.
                    onSelect: (r, on) => setSelected((s) => (on ? [...s, r] : s.filter((x) => x.id !== r.id))),
                    hideSelectAll: true,
                    getCheckboxProps: (r) => ({ disabled: r.status !== 'active' || r.level === 'national' || !sameGroup(r) }),
                  }
                : undefined
            }
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (n) => t('common.total', { total: n }),
              onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
            }}
            columns={[
              {
                title: t('recognition.col.number'),
                key: 'no',
                ...NOWRAP,
                render: (_, r) => (
                  <span className="zz-mono" data-testid="recognition-no">
                    {r.recognitionNumber}
                  </span>
                ),
              },
              { title: t('recognition.col.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('recognition.col.project'), dataIndex: 'projectName' },
              { title: t('recognition.prog.level'), key: 'l', ...NOWRAP, render: (_, r) => labels.level(r.level) },
              { title: t('recognition.prog.kind'), key: 'k', ...NOWRAP, render: (_, r) => labels.kind(r.kind) },
              { title: t('recognition.col.district'), key: 'd', render: (_, r) => r.districtName || names.district(r.districtCode) },
              { title: t('recognition.rec.recognisedOn'), dataIndex: 'recognisedOn', ...NOWRAP },
              {
                title: t('recognition.rec.due'),
                key: 'due',
                ...NOWRAP,
                render: (_, r) => (r.status === 'active' ? r.reevaluationDue : '—'),
              },
              {
                title: t('recognition.col.state'),
                key: 's',
                ...NOWRAP,
                render: (_, r) =>
                  r.revocation ? (
                    <Tooltip
                      title={`${t(`recognition.cause.${r.revocation.cause}`)} · ${t('recognition.rec.banUntil')} ${r.revocation.banUntil}`}
                    >
                      <Tag color="red">{t('recognition.rec.revoked')}</Tag>
                    </Tooltip>
                  ) : (
                    <Tag color="green">{t('recognition.rec.active')}</Tag>
                  ),
              },
              {
                title: t('common.actions'),
                key: 'x',
                ...NOWRAP,
                render: (_, r) => (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => void run(() => downloadCertificate(r))}
                      data-testid="certificate"
                    >
                      {t('recognition.rec.certificate')}
                    </Button>
                    {grant && r.status === 'active' && (
                      <>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setDialog({ kind: 'reevaluate', recognition: r })}
                          data-testid="reevaluate"
                        >
                          {t('recognition.rec.reevaluate')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => setDialog({ kind: 'revoke', recognition: r })}
                          data-testid="revoke"
                        >
                          {t('recognition.rec.revoke')}
                        </Button>
                      </>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </div>
      <RecognitionDialogs dialog={dialog} onClose={() => setDialog(null)} />
      <RecommendModal
        chosen={selected}
        open={recommending}
        onClose={() => {
          setRecommending(false);
          setSelected([]);
        }}
      />
    </Page>
  );
}

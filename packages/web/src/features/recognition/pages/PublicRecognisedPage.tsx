import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { RECOGNITION_KINDS, RECOGNITION_LEVELS, type RecognitionKind, type RecognitionLevel } from '@zhizao/domain';
import { Card, Col, Row, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { LEVEL_COLORS, useRecognitionLabels } from '../labels.ts';
import { fetchRecognised, type PublicRecognised } from '../publicApi.ts';

/** The recognised lists per level, public: number, enterprise, project, kind, year, district — nothing private. */
export function PublicRecognisedPage() {
  const t = useT();
  const labels = useRecognitionLabels();
  const [level, setLevel] = useState<RecognitionLevel>('municipal');
  const [kind, setKind] = useState<RecognitionKind | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = { level, kind, ...page };
  const list = useQuery({
    queryKey: ['public', 'recognition', 'recognised', q],
    queryFn: () => fetchRecognised(q),
    placeholderData: keepPreviousData,
  });
  return (
    <PublicFrame>
      <Typography.Title level={3}>{t('recognition.public.recognised')}</Typography.Title>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {RECOGNITION_LEVELS.map((l) => (
          <Col xs={24} md={8} key={l}>
            <Card size="small">
              <Statistic title={labels.level(l)} value={list.data?.counts[l] ?? '—'} valueStyle={{ color: LEVEL_COLORS[l] }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={level}
            onChange={(v) => (setLevel(v as RecognitionLevel), setPage((p) => ({ ...p, page: 1 })))}
            options={RECOGNITION_LEVELS.map((l) => ({ value: l, label: labels.level(l) }))}
            data-testid="public-level"
          />
          <Select
            allowClear
            placeholder={t('recognition.filter.kind')}
            style={{ width: 160 }}
            value={kind}
            onChange={(k) => (setKind(k), setPage((p) => ({ ...p, page: 1 })))}
            options={RECOGNITION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          />
        </Space>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PublicRecognised>
            rowKey="recognitionNumber"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: true }}
            data-testid="public-recognised"
            locale={{ emptyText: t('recognition.public.noneRecognised') }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (n) => t('common.total', { total: n }),
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            columns={[
              {
                title: t('recognition.col.number'),
                dataIndex: 'recognitionNumber',
                render: (v: string) => <span className="zz-mono">{v}</span>,
              },
              { title: t('recognition.col.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('recognition.col.project'), dataIndex: 'projectName' },
              { title: t('recognition.prog.kind'), key: 'k', render: (_, r) => labels.kind(r.kind) },
              { title: t('recognition.prog.year'), dataIndex: 'year' },
              { title: t('recognition.col.district'), dataIndex: 'districtName' },
            ]}
          />
        )}
      </Card>
    </PublicFrame>
  );
}

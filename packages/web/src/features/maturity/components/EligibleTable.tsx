import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { EligibleItem } from '../bureauApi.ts';
import { formatDate, formatScore, useMaturityLabels } from '../labels.ts';

/** Enterprises at the chosen level or above: level, score, date, expert-verified level, links. */
export function EligibleTable(props: {
  items: EligibleItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  const t = useT();
  const labels = useMaturityLabels();
  return (
    <Table<EligibleItem>
      size="small"
      rowKey="assessmentId"
      data-testid="eligible-table"
      loading={props.loading}
      dataSource={props.items}
      scroll={{ x: true }}
      locale={{ emptyText: <EmptyState description={t('maturity.bureau.eligibleEmpty')} /> }}
      pagination={{ current: props.page, pageSize: props.pageSize, total: props.total, showSizeChanger: true, onChange: props.onPage }}
      columns={[
        {
          title: t('maturity.col.enterprise'),
          dataIndex: 'enterpriseName',
          render: (name: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{name}</Link>,
        },
        { title: t('maturity.col.level'), dataIndex: 'level', render: (l: number) => labels.level(l) },
        {
          title: t('maturity.col.score'),
          dataIndex: 'score',
          align: 'right',
          render: (s: number, r) => <Link to={`/maturity/${r.assessmentId}/report`}>{formatScore(s)}</Link>,
        },
        { title: t('maturity.col.submitted'), dataIndex: 'submittedAt', render: formatDate },
        { title: t('maturity.col.type'), dataIndex: 'manufacturingType', render: (m: string) => labels.type(m) },
        {
          title: t('maturity.bureau.verified'),
          dataIndex: 'verifiedLevel',
          render: (v: number | null, r) =>
            v === null ? (
              <span style={{ color: '#999' }}>{t('maturity.bureau.notVerified')}</span>
            ) : (
              <Tag color={v < r.level ? 'orange' : 'green'}>{`${labels.level(v)} · ${formatScore(r.verifiedScore)}`}</Tag>
            ),
        },
      ]}
    />
  );
}

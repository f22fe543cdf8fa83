import { useQueryClient } from '@tanstack/react-query';
import { MIN_PANEL_SIZE } from '@zhizao/domain';
import { Alert, Button, Card, Descriptions, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../app/api/client.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { ApplicationDetail } from '../api.ts';
import { formatScore, formatTime } from '../labels.ts';
import { recognitionKeys, useExperts, usePanel } from '../queries.ts';
import { savePanel } from '../reviewApi.ts';
import { TieModal } from './TieModal.tsx';

/**
 * The bureau forms the expert panel of one application. The server refuses an expert tied to the
 * applicant or its service provider; the refusal is shown here and the chosen experts stay chosen.
 */
export function PanelCard({ detail }: { detail: ApplicationDetail }) {
  const t = useT();
  const queryClient = useQueryClient();
  const editable = detail.state === 'expert_scoring';
  const panel = usePanel(detail.id, true);
  const experts = useExperts(editable);
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tying, setTying] = useState(false);
  useEffect(() => setChosen(null), [panel.data]);
  const members = panel.data?.members ?? [];
  const withdrawn = panel.data?.withdrawn ?? [];
  const selected = chosen ?? members.map((m) => m.expertUserId);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await savePanel(detail.id, selected);
      await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const aggregate = panel.data?.aggregate;
  // Ties that concern this application: to its enterprise, or to its service provider by name.
  const ties = (experts.data ?? []).flatMap((e) =>
    e.ties
      .filter((x) => x.enterpriseId === detail.enterpriseId || (!!x.providerName && x.providerName === detail.serviceProviderName))
      .map((x) => ({ id: x.id, expert: e.displayName, with: x.enterpriseName ?? x.providerName ?? '' })),
  );
  return (
    <Card title={t('recognition.panel.title')} style={{ marginBottom: 16 }} data-testid="panel">
      {editable && (
        <>
          <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
            <Select
              mode="multiple"
              style={{ width: '100%' }}
              placeholder={t('recognition.panel.choose')}
              loading={experts.isPending}
              value={selected}
              onChange={(ids: number[]) => setChosen(ids)}
              optionFilterProp="label"
              options={(experts.data ?? []).map((e) => ({ value: e.userId, label: `${e.displayName} (${e.username})` }))}
              id="panelExperts"
              data-testid="panel-experts"
            />
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="panel-save">
              {t('recognition.panel.save')}
            </Button>
          </Space.Compact>
          <Alert
            type="info"
            showIcon
            title={t('recognition.panel.hint', { min: MIN_PANEL_SIZE })}
            action={
              <Button size="small" onClick={() => setTying(true)} data-testid="record-tie">
                {t('recognition.tie.title')}
              </Button>
            }
            style={{ marginBottom: 8 }}
          />
          {ties.length > 0 && (
            <Typography.Paragraph type="secondary" data-testid="known-ties">
              {t('recognition.tie.known')}
              {ties.map((x) => (
                <Tag key={x.id} style={{ marginInlineStart: 8 }}>
                  {x.expert} → {x.with}
                </Tag>
              ))}
            </Typography.Paragraph>
          )}
          <TieModal detail={detail} experts={experts.data ?? []} open={tying} onClose={() => setTying(false)} />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="panel-error" />}
        </>
      )}
      {withdrawn.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="panel-withdrawn"
          title={t('recognition.panel.withdrawn')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {withdrawn.map((m) => (
                <li key={m.expertUserId}>
                  {t('recognition.panel.withdrawnItem', {
                    name: m.displayName,
                    tie: m.tie ?? '—',
                    at: formatTime(m.withdrawnAt),
                    submitted: m.hadSubmitted ? t('recognition.panel.withdrawnSubmitted') : '',
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        size="small"
        rowKey="expertUserId"
        pagination={false}
        loading={panel.isPending}
        dataSource={members}
        locale={{ emptyText: t('recognition.panel.empty') }}
        data-testid="panel-members"
        columns={[
          { title: t('recognition.panel.expert'), dataIndex: 'displayName' },
          {
            title: t('recognition.panel.status'),
            key: 'status',
            render: (_, m) => (
              <Tag color={m.status === 'submitted' ? 'green' : 'default'}>
                {t(m.status === 'submitted' ? 'recognition.sheet.submitted' : 'recognition.sheet.assigned')}
              </Tag>
            ),
          },
          {
            title: t('recognition.panel.total'),
            key: 'total',
            align: 'right',
            render: (_, m) =>
              m.scores ? (
                <Tooltip
                  title={Object.entries(m.scores)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(' · ')}
                >
                  {formatScore(m.total)}
                </Tooltip>
              ) : (
                formatScore(m.total)
              ),
          },
          { title: t('recognition.panel.submittedAt'), key: 'at', render: (_, m) => formatTime(m.submittedAt) },
        ]}
      />
      {aggregate && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }} data-testid="panel-aggregate">
          <Descriptions.Item label={t('recognition.score.final')}>{formatScore(aggregate.score)}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.score.range')}>
            {formatScore(aggregate.min)} – {formatScore(aggregate.max)}
          </Descriptions.Item>
          <Descriptions.Item label={t('recognition.score.stddev')}>{formatScore(aggregate.stddev)}</Descriptions.Item>
          {aggregate.dropped && (
            <Descriptions.Item label={t('recognition.score.dropped')}>
              {t('recognition.score.droppedText', { counted: aggregate.counted, n: aggregate.n })}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}

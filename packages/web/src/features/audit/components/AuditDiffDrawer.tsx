import { fieldLabel } from '@zhizao/domain';
import { Descriptions, Drawer, Empty, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { auditLabels } from '../actions.ts';
import type { AuditEntry } from '../api.ts';
import { diffEntries, type DiffRow } from '../diff.ts';

/** One entry in full: who, what, when, from where, and every field before → after. */
export function AuditDiffDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose(): void }) {
  const { t, pick, locale } = useI18n();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const rows = useMemo(() => (entry ? diffEntries(entry.before, entry.after) : []), [entry]);
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;
  const value = (v: string | null) =>
    v === null ? (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    ) : (
      <span style={{ wordBreak: 'break-all' }}>{v}</span>
    );
  const labels = auditLabels(pick);

  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size={720}
      title={entry ? t('audit.diffTitle', { seq: entry.seq }) : ''}
      data-testid="audit-drawer"
    >
      {entry && (
        <>
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('audit.at')}>{dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>{labels.action(entry.action)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.actor')}>{entry.actorUsername ?? t('audit.system')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.actorRole')}>{labels.role(entry.actorRole) ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.entity')}>{labels.entity(entry.entityType, entry.entityId)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.ip')}>{entry.ip ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.hash')} span={2}>
              <span className="zz-mono" style={{ fontSize: 12 }}>
                {entry.hash}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {rows.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChange')} />
          ) : (
            <>
              <div style={{ marginBottom: 8, textAlign: 'right' }}>
                <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />{' '}
                <Typography.Text>{t('audit.onlyChanged')}</Typography.Text>
              </div>
              <Table<DiffRow>
                size="small"
                rowKey="field"
                pagination={false}
                dataSource={shown}
                rowClassName={(r) => (r.changed && r.before !== null ? 'zz-diff-changed' : '')}
                columns={[
                  { key: 'field', title: t('audit.field'), width: 160, render: (_, r) => fieldLabel(r.field, locale) },
                  { key: 'before', title: t('audit.before'), render: (_, r) => value(r.before) },
                  { key: 'after', title: t('audit.after'), render: (_, r) => value(r.after) },
                ]}
                data-testid="audit-diff"
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

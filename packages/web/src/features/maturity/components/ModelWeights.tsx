import type { ManufacturingType, ModelVersion, WeightSet } from '@zhizao/domain';
import { Alert, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useModelMutations } from '../modelApi.ts';

const TYPES: ManufacturingType[] = ['discrete', 'process'];
// Kept unrounded: the server checks sums to 1e-6, and equal twelfths do not round to 100 %.
const pct = (w: number | undefined) => Number(((w ?? 0) * 100).toPrecision(12));
const sumOk = (s: number) => Math.abs(s - 100) < 1e-4;
type Percents = Record<ManufacturingType, { domain: Record<string, number>; subDomain: Record<string, number> }>;

function toPercents(def: ModelVersion): Percents {
  const out = {} as Percents;
  for (const type of TYPES) {
    const w = def.weights[type];
    out[type] = { domain: {}, subDomain: {} };
    for (const d of def.domains) {
      out[type].domain[d.code] = pct(w?.domain[d.code]);
      for (const s of d.subDomains) out[type].subDomain[s.code] = pct(w?.subDomain[s.code]);
    }
  }
  return out;
}

interface Row {
  key: string;
  code: string;
  name: string;
  kind: 'domain' | 'subDomain';
  children?: Row[];
}

/** α per domain and γ per sub-domain, in %, for both manufacturing types; editable on custom copies only. */
export function ModelWeights({ def, editable }: { def: ModelVersion; editable: boolean }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const [values, setValues] = useState<Percents>(() => toPercents(def));
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const { weights } = useModelMutations(def.id);

  const set = (type: ManufacturingType, kind: 'domain' | 'subDomain', code: string, v: number | null) => {
    setSaved(false);
    setValues((prev) => ({ ...prev, [type]: { ...prev[type], [kind]: { ...prev[type][kind], [code]: v ?? 0 } } }));
  };
  const save = async () => {
    setProblems([]);
    const body = {} as Record<ManufacturingType, WeightSet>;
    for (const type of TYPES) {
      body[type] = { domain: {}, subDomain: {} };
      for (const [k, v] of Object.entries(values[type].domain)) body[type].domain[k] = v / 100;
      for (const [k, v] of Object.entries(values[type].subDomain)) body[type].subDomain[k] = v / 100;
    }
    try {
      await weights.mutateAsync(body);
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError) setProblems(e.details.length ? e.details.map((d) => d.message) : [e.message]);
      else setProblems([String(e)]);
    }
  };

  const rows: Row[] = def.domains.map((d) => ({
    key: d.code,
    code: d.code,
    name: d.name[lang],
    kind: 'domain',
    children: d.subDomains.map((s) => ({ key: s.code, code: s.code, name: s.name[lang], kind: 'subDomain' })),
  }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {!editable && <Alert type="info" showIcon title={t('maturity.models.readOnly')} data-testid="weights-readonly" />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('maturity.models.refused')}
          description={
            <ul style={{ margin: 0 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
          data-testid="weights-problems"
        />
      )}
      {saved && <Alert type="success" showIcon title={t('maturity.models.saved')} data-testid="weights-saved" />}
      {TYPES.map((type) => {
        const v = values[type];
        const domainSum = def.domains.reduce((s, d) => s + (v.domain[d.code] ?? 0), 0);
        const subSum = (code: string) =>
          def.domains.find((d) => d.code === code)!.subDomains.reduce((s, x) => s + (v.subDomain[x.code] ?? 0), 0);
        const badGroups = def.domains.filter((d) => !sumOk(subSum(d.code)));
        return (
          <Card
            key={type}
            title={t(type === 'discrete' ? 'maturity.type.discrete' : 'maturity.type.process')}
            size="small"
            data-testid={`weights-${type}`}
          >
            <Space style={{ marginBottom: 8 }} wrap>
              <Typography.Text>
                {t('maturity.models.domainSum')}: <span data-testid={`domain-sum-${type}`}>{domainSum.toFixed(2)} %</span>
              </Typography.Text>
              {!sumOk(domainSum) && (
                <Tag color="warning" data-testid={`domain-sum-warning-${type}`}>
                  {t('maturity.models.sumWarning')}
                </Tag>
              )}
              {badGroups.length > 0 && (
                <Tag color="warning">{t('maturity.models.subSumWarning', { codes: badGroups.map((d) => d.code).join(', ') })}</Tag>
              )}
            </Space>
            <Table<Row>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={rows}
              expandable={{ defaultExpandAllRows: false }}
              columns={[
                { title: t('maturity.models.col.code'), dataIndex: 'code' },
                { title: t('maturity.models.col.name'), dataIndex: 'name' },
                {
                  title: t('maturity.models.col.weight'),
                  key: 'w',
                  render: (_: unknown, r) => (
                    <InputNumber
                      size="small"
                      min={0}
                      max={100}
                      step={0.5}
                      style={{ width: 160 }}
                      addonAfter="%"
                      disabled={!editable}
                      value={v[r.kind][r.code]}
                      onChange={(n) => set(type, r.kind, r.code, n)}
                      data-testid={`w-${type}-${r.kind}-${r.code}`}
                    />
                  ),
                },
                {
                  title: t('maturity.models.col.groupSum'),
                  key: 's',
                  render: (_: unknown, r) => {
                    if (r.kind !== 'domain') return null;
                    const s = subSum(r.code);
                    return <Typography.Text type={sumOk(s) ? undefined : 'warning'}>γ Σ {s.toFixed(2)} %</Typography.Text>;
                  },
                },
              ]}
            />
          </Card>
        );
      })}
      {editable && (
        <Button type="primary" loading={weights.isPending} onClick={() => void save()} data-testid="save-weights">
          {t('maturity.models.saveWeights')}
        </Button>
      )}
    </Space>
  );
}

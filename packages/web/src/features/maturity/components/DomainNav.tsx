import { Menu, Progress } from 'antd';
import type { ModelVersion } from '@zhizao/domain';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';

interface Props {
  model: ModelVersion;
  /** Answered / items per domain (`d:<code>`) and per sub-domain (`s:<code>`), counting the questionnaire's items. */
  counts: Map<string, { items: number; answered: number }>;
  selected: string;
  onSelect(subDomainCode: string): void;
}

const percent = (c: { items: number; answered: number } | undefined) => (c && c.items ? Math.round((100 * c.answered) / c.items) : 0);

/** Domains with their progress, each opening onto its sub-domains. */
export function DomainNav({ model, counts, selected, onSelect }: Props) {
  const { t, pick } = useI18n();
  const items = model.domains.map((d) => ({
    key: d.code,
    label: (
      <div className="zz-maturity-nav-domain" data-testid={`nav-domain-${d.code}`}>
        <span>{pick(d.name)}</span>
        <Progress percent={percent(counts.get(`d:${d.code}`))} size="small" showInfo={false} />
      </div>
    ),
    children: d.subDomains.map((s) => {
      const c = counts.get(`s:${s.code}`);
      return {
        key: s.code,
        label: (
          <span
            title={c ? t('maturity.q.progress', { answered: c.answered, items: c.items }) : undefined}
            data-testid={`nav-sub-${s.code}`}
          >
            {pick(s.name)} <span className="zz-muted">{c ? `${c.answered}/${c.items}` : ''}</span>
          </span>
        ),
      };
    }),
  }));
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={model.domains.map((d) => d.code)}
      onClick={({ key }) => onSelect(key)}
      style={{ borderInlineEnd: 'none' }}
      data-testid="domain-nav"
    />
  );
}

import { rateText, type PolicyRules } from '@zhizao/domain';
import { Descriptions, Tag } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useFundingLabels } from '../labels.ts';

/** A policy's rules in words: who qualifies, what counts, the rate or bands, the minimum and the caps. */
export function PolicyRulesView({ rules }: { rules: PolicyRules }) {
  const t = useT();
  const labels = useFundingLabels();
  const rate = rules.rate;
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('funding.policies.qualifyingKinds')}>
        {rules.qualifyingKinds.map((k) => (
          <Tag key={k}>{labels.kind(k)}</Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('funding.policies.eligibleItems')}>
        {rules.eligibleItems.map((i) => (
          <Tag key={i} color="blue">
            {labels.item(i)}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('funding.policies.rate')}>
        {rate.mode === 'flat' ? (
          `${t('funding.policies.flat')} ${rateText(rate.rateBp)}`
        ) : (
          <div>
            <div>{`${t('funding.policies.tiered')} · ${t(rate.basis === 'whole' ? 'funding.policies.whole' : 'funding.policies.marginal')}`}</div>
            {rate.bands.map((b) => (
              <div key={b.fromFen}>
                ≥ {labels.wan(b.fromFen)} → {rateText(b.rateBp)}
              </div>
            ))}
          </div>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('funding.policies.minInvestment')}>{labels.wan(rules.minInvestmentFen)}</Descriptions.Item>
      <Descriptions.Item label={t('funding.policies.capPerProject')}>
        {rules.capPerProjectFen === null ? t('funding.policies.none') : labels.wan(rules.capPerProjectFen)}
      </Descriptions.Item>
      <Descriptions.Item label={t('funding.policies.capPerEnterpriseYear')}>
        {rules.capPerEnterpriseYearFen === null ? t('funding.policies.none') : labels.wan(rules.capPerEnterpriseYearFen)}
      </Descriptions.Item>
    </Descriptions>
  );
}

// The level a talent carrier or a skill honour is granted at (national → provincial → municipal).
export const TALENT_LEVELS = [
  { value: 'national', label: { zh: '国家级', en: 'National' } },
  { value: 'provincial', label: { zh: '省级', en: 'Provincial' } },
  { value: 'municipal', label: { zh: '市级', en: 'Municipal' } },
] as const;

export type TalentLevel = (typeof TALENT_LEVELS)[number]['value'];

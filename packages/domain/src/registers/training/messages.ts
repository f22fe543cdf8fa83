// The training registers' messages (zh-CN, en), spread into REGISTER_MESSAGES.
export const TRAINING_MESSAGES = {
  'training.siteVisitHost': { zh: '现场观摩须填写「{field}」', en: 'A site visit needs "{field}"' },
  'training.personOrHeadcount': {
    zh: '「{field}」与「参加人数」须填写其一',
    en: 'Give either "{field}" or the number of people',
  },
  'training.namedIsOne': {
    zh: '按姓名登记的学员计为 1 人，「参加人数」应为空或 1',
    en: 'A named trainee counts as one: leave "People" empty or 1',
  },
  'training.contestOutsideYear': { zh: '「{field}」应在 {year} 年内', en: '"{field}" must fall in {year}' },
} as const;

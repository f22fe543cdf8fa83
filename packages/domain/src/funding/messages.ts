// Projects and subsidy funds (issue 5): the messages its server routes send back (zh-CN, en). Merged into MESSAGES.
// The funding.calc.* lines are the award calculator's breakdown (award.ts): one wording for applicant and reviewer.
export const FUNDING_MESSAGES = {
  'funding.calcKindQualifies': { zh: '项目类型「{kind}」属于本政策支持范围', en: 'Project kind "{kind}" qualifies under this policy' },
  'funding.calcKindNotQualifying': {
    zh: '项目类型「{kind}」不在本政策支持范围内，不予奖补',
    en: 'Project kind "{kind}" does not qualify under this policy: no award',
  },
  'funding.calcItem': { zh: '计入奖补基数：{item} 投资 {amount} 元', en: 'Counted: {item} investment ¥{amount}' },
  'funding.calcItemExcluded': {
    zh: '不计入：{item} 投资 {amount} 元（非政策支持的投资项）',
    en: 'Not counted: {item} investment ¥{amount} (not an eligible item)',
  },
  'funding.calcBase': { zh: '奖补基数合计 {amount} 元', en: 'Eligible investment ¥{amount}' },
  'funding.calcBelowMinimum': {
    zh: '奖补基数 {base} 元低于最低投资额 {minimum} 元，不予奖补',
    en: 'Eligible investment ¥{base} is below the minimum ¥{minimum}: no award',
  },
  'funding.calcMinimumMet': {
    zh: '奖补基数 {base} 元达到最低投资额 {minimum} 元',
    en: 'Eligible investment ¥{base} reaches the minimum ¥{minimum}',
  },
  'funding.calcFlat': { zh: '按 {rate} 计算：{base} 元 × {rate}', en: 'At {rate}: ¥{base} × {rate}' },
  'funding.calcTierWhole': {
    zh: '基数达到 {from} 元档，全额按 {rate} 计算：{base} 元 × {rate}',
    en: 'Band from ¥{from} reached: the whole ¥{base} × {rate}',
  },
  'funding.calcBelowFirstBand': {
    zh: '奖补基数 {base} 元未达到最低档 {from} 元，不予奖补',
    en: 'Eligible investment ¥{base} is below the first band ¥{from}: no award',
  },
  'funding.calcTierMarginal': { zh: '{from} 元至 {to} 元部分按 {rate} 计算', en: 'The part from ¥{from} to ¥{to} at {rate}' },
  'funding.calcCapProject': { zh: '超过单个项目上限，按 {cap} 元封顶', en: 'Capped at the per-project limit ¥{cap}' },
  'funding.calcCapEnterprise': {
    zh: '企业年度上限 {cap} 元，本年度已获 {already} 元，本项目按剩余额度计',
    en: 'Enterprise yearly cap ¥{cap}, ¥{already} already awarded this year: limited to what remains',
  },
  'funding.calcResult': { zh: '核定奖补金额 {amount} 元', en: 'Award: ¥{amount}' },

  'funding.policyNotFound': { zh: '奖补政策不存在', en: 'The subsidy policy does not exist' },
  'funding.policyRetired': { zh: '该政策版本已停用，请选择现行版本', en: 'This policy version is retired; choose a current one' },
  'funding.policyBandsOrder': { zh: '「{field}」的档位起点须严格递增', en: '"{field}": band starting points must strictly increase' },
  'funding.policyNoBands': { zh: '分档计算至少需要一个档位', en: 'A tiered rate needs at least one band' },
  'funding.policyEmpty': { zh: '「{field}」至少选择一项', en: '"{field}": choose at least one' },
  'funding.policyBusy': { zh: '同一政策的另一版本正在保存，请稍后重试', en: 'Another version of this policy is being saved; try again' },
  'funding.policyCalcInput': {
    zh: '请提供项目（projectId）或投资构成与项目类型',
    en: 'Give a project (projectId) or an investment split and a kind',
  },

  'funding.projectInvestmentZero': { zh: '项目总投资须大于 0', en: 'The project’s total investment must be above 0' },
  'funding.projectDatesOrder': { zh: '完成日期不能早于开工日期', en: 'The completion date cannot be before the start date' },
  'funding.projectEnterpriseRequired': { zh: '请选择项目所属企业', en: 'Choose the enterprise the project belongs to' },
  'funding.projectEnterpriseUnknown': {
    zh: '企业不存在或不在您的管辖范围内',
    en: 'The enterprise does not exist or is outside your scope',
  },
  'funding.projectChainUnknown': { zh: '产业链「{code}」不存在', en: 'Industry chain "{code}" does not exist' },
  'funding.projectVersionConflict': {
    zh: '该项目已被他人修改（当前版本 {version}），请刷新后再保存',
    en: 'Someone else changed this project (version {version}); reload and save again',
  },
  'funding.projectLocked': {
    zh: '项目已进入奖补审核，投资与目标不可再修改',
    en: 'The project is under award review; its investment and targets can no longer change',
  },
  'funding.projectDuplicateKpi': { zh: '绩效目标编码「{code}」重复', en: 'KPI code "{code}" appears twice' },

  'funding.fundYearTaken': { zh: '{year} 年的同类资金已存在', en: 'A fund of this purpose for {year} already exists' },
  'funding.fundEnvelopesOverTotal': {
    zh: '各类资金合计 {sum} 元超过专项资金总额 {total} 元',
    en: 'The envelopes add up to ¥{sum}, more than the fund’s ¥{total}',
  },
  'funding.fundEnvelopeBelowAllocated': {
    zh: '资金类别「{name}」已安排 {allocated} 元，金额不能低于此数',
    en: 'Envelope "{name}" has ¥{allocated} allocated; it cannot go below that',
  },
  'funding.fundEnvelopeInUse': {
    zh: '资金类别「{name}」已有台账记录，不能删除',
    en: 'Envelope "{name}" has ledger entries and cannot be removed',
  },

  'funding.awardAlreadyOpen': { zh: '该项目已有进行中的奖补申请', en: 'The project already has an award application in progress' },
  'funding.awardNotEligible': {
    zh: '按该政策计算，本项目不符合奖补条件（详见计算过程）',
    en: 'Under this policy the project gets no award (see the calculation)',
  },
  'funding.awardIllegalMove': {
    zh: '当前状态「{status}」下不能执行「{action}」',
    en: 'Action "{action}" is not allowed while the award is "{status}"',
  },
  'funding.awardNoteRequired': { zh: '退回或不予通过时须填写理由', en: 'Give a reason when refusing' },
  'funding.awardAmountRequired': { zh: '请填写大于 0 的金额（分）', en: 'Enter an amount above 0 (fen)' },
  'funding.awardOverpay': { zh: '拨付金额超过尚未拨付的 {open} 元', en: 'The payment exceeds the unpaid ¥{open}' },
  'funding.awardClawBackTooMuch': { zh: '追回金额超过可追回的 {room} 元', en: 'The claw-back exceeds the ¥{room} that can be recovered' },
  'funding.awardTargetsMet': { zh: '绩效目标全部达成，不能追回', en: 'All targets were met: nothing to claw back' },
  'funding.awardApprovedTooHigh': {
    zh: '批准金额不能超过核定金额 {amount} 元',
    en: 'The approved amount cannot exceed the calculated ¥{amount}',
  },
  'funding.awardNoticeDates': { zh: '公示结束日期不能早于开始日期', en: 'The notice cannot end before it starts' },
  'funding.awardActualsRequired': { zh: '请填写各项绩效目标的实际值', en: 'Give the actual value of every target' },
  'funding.awardUnknownKpi': { zh: '项目没有编码为「{code}」的绩效目标', en: 'The project has no target with code "{code}"' },
  'funding.budgetExceeded': {
    zh: '超出预算：资金类别「{name}」可用 {available} 元，本次需 {needed} 元',
    en: 'Over budget: envelope "{name}" has ¥{available} left, this needs ¥{needed}',
  },
  'funding.budgetNoEnvelope': {
    zh: '{year} 年专项资金中没有可用的智改数转资金类别',
    en: 'The {year} special fund has no 智改数转 envelope',
  },
  'funding.budgetWrongYear': {
    zh: '资金类别属于 {fundYear} 年专项资金，与奖补年度 {year} 不符',
    en: 'The envelope belongs to the {fundYear} fund, not the award’s year {year}',
  },
  'funding.budgetEnterpriseCap': {
    zh: '超出企业年度奖补上限 {cap} 元（本年度已批准 {already} 元）',
    en: 'Over the enterprise’s yearly cap of ¥{cap} (¥{already} already approved this year)',
  },
  'funding.sampleEmpty': { zh: '{year} 年没有待抽取复审的申请', en: 'No {year} applications are waiting for the second-review draw' },
  'funding.importRowProblem': { zh: '第 {row} 行「{column}」：{problem}', en: 'Row {row}, "{column}": {problem}' },
  'funding.importInvalid': { zh: '文件中有 {count} 处错误，未导入任何项目', en: 'The file has {count} problems; no project was imported' },
} as const;

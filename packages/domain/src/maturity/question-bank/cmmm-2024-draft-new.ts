// CMMM-2024 draft default bank: items for sub-domains that are new in the 2024 revision draft (or need new
// wording there). Written for Zhizao in our own words; NOT the text of the draft standard.
import type { ItemSpec, LevelSpecs } from './define.ts';

export const NEW_2024: Readonly<Record<string, LevelSpecs>> = {
  lean_management: {
    1: [
      [
        '已制定精益生产推进计划，组织开展 5S/6S 和目视化管理，并有定期检查评比记录。',
        'A lean programme is planned; 5S/6S and visual management are practised with regular audits and rankings.',
        '精益推进计划；5S 检查评分表；现场照片。',
        '5S audit sheets; lean plan; site photos.',
        '从样板车间开始推行 5S 和目视化，每月检查评比并公示。',
        'Start 5S and visual management in a model workshop, audit monthly and publish the results.',
      ],
    ],
    2: [
      [
        '运用价值流图、标准作业、快速换型（SMED）等方法改善关键产品线，改善成果用数据衡量。',
        'Value-stream mapping, standard work and quick changeover (SMED) are applied to key product lines, and results are measured with data.',
        '价值流图；改善项目报告；换型时间和在制品数据。',
        'Value-stream maps; improvement reports; changeover and WIP data.',
        '选择一条主导产品线绘制现状价值流图，确定 3～5 个改善课题。',
        'Map the current value stream of one main product line and select 3–5 improvement topics.',
      ],
    ],
    3: [
      [
        '精益改善与信息系统结合：浪费和异常（等待、停机、返工）由系统自动识别和统计，改善课题跨部门推进。',
        'Lean is combined with systems: waste and abnormalities (waiting, stops, rework) are identified and counted automatically, and improvement topics run across departments.',
        '系统中的损失统计；跨部门改善项目清单。',
        'Loss statistics in the system; cross-departmental improvement list.',
        '利用 MES 和设备数据建立损失结构分析，按损失大小确定跨部门改善课题。',
        'Build a loss tree from MES and machine data and pick cross-departmental topics by size of loss.',
      ],
    ],
    4: [
      [
        '利用数据模型识别改善机会并预测改善收益，精益改善项目按预测收益排序和验证。',
        'Data models find improvement opportunities and predict their benefit; lean projects are ranked by predicted benefit and verified afterwards.',
        '改善机会分析模型；项目收益预测与实际对比。',
        'Opportunity analysis model; predicted versus actual benefits.',
        '对历史改善项目建立收益数据库，用于预测新课题收益并排序。',
        'Keep a database of past project benefits and use it to estimate and rank new topics.',
      ],
    ],
    5: [
      [
        '将精益和数字化结合的管理方法推广到供应商和客户，带动产业链整体效率提升。',
        'Lean-digital management methods are extended to suppliers and customers, raising efficiency along the chain.',
        '供应商精益辅导记录；供应链整体指标变化。',
        'Supplier lean coaching records; chain-level indicator changes.',
        '为关键供应商开展精益辅导，共同改善交付周期和质量。',
        'Coach key suppliers in lean and jointly improve lead time and quality.',
      ],
    ],
  },

  factory_planning: {
    1: [
      [
        '工厂建设或改造有总体规划，明确厂区布局、物流动线、产能目标和分期实施安排。',
        'Factory construction or renovation follows a master plan covering site layout, material flow, capacity targets and phasing.',
        '工厂总体规划；平面布局图；分期计划。',
        'Factory master plan; layout drawings; phasing plan.',
        '结合中长期产能需求编制工厂总体规划，统筹建筑、设备、物流和信息化。',
        'Draw up a master plan from medium-term capacity needs, covering buildings, equipment, logistics and IT together.',
      ],
    ],
    2: [
      [
        '工厂规划使用数字化工具（如三维工厂布局、物流仿真）完成，并同步规划了网络、数据采集和自动化接口。',
        'Factory planning uses digital tools (3D layout, material-flow simulation) and plans networking, data capture and automation interfaces at the same time.',
        '三维布局模型；仿真报告；网络和采集点规划。',
        '3D layout model; simulation reports; network and data-point plans.',
        '在新厂房或新车间设计阶段引入三维布局和物流仿真，同步设计信息化基础设施。',
        'Use 3D layout and flow simulation at the design stage of new buildings and plan IT infrastructure alongside.',
      ],
    ],
    3: [
      [
        '工厂建筑、设备、物流和信息系统统一规划、集成交付，建成后的布局和数据模型与实际一致。',
        'Buildings, equipment, logistics and IT are planned together and delivered as an integrated whole, and the as-built layout and data model match reality.',
        '集成交付文档；竣工布局模型；系统联调记录。',
        'Integrated handover documents; as-built model; commissioning records.',
        '在项目中设置集成总包或总协调人，竣工时交付与现场一致的数字化资料。',
        'Appoint an integrator or coordinator and require as-built digital documentation at handover.',
      ],
    ],
    4: [
      [
        '建立工厂级数字孪生模型，可用实时数据模拟产能、物流和能耗，为扩产和布局调整提供优化方案。',
        'A factory-level digital twin uses live data to simulate capacity, logistics and energy and proposes optimal expansion and layout changes.',
        '数字孪生平台；基于模型的扩产或调整方案。',
        'Digital-twin platform; model-based expansion or re-layout plans.',
        '在已有布局和仿真模型基础上接入实时数据，先用于产能评估。',
        'Connect live data to the existing layout and simulation models and use them first for capacity assessment.',
      ],
    ],
    5: [
      [
        '工厂规划与产业链伙伴和园区协同（如共享设施、就近配套、共享能源），规划经验可对外输出。',
        'Factory planning is coordinated with chain partners and the industrial park (shared facilities, co-located suppliers, shared energy), and the planning know-how is offered to others.',
        '协同规划资料；园区共享设施协议；对外规划服务记录。',
        'Joint planning documents; shared-facility agreements; external planning services.',
        '与园区和主要供应商共同规划配套布局和共享设施。',
        'Plan supplier locations and shared facilities together with the park and main suppliers.',
      ],
    ],
  },

  product_innovation: {
    1: [
      [
        '建立了产品创新管理流程，从市场、客户和技术趋势中收集新产品创意并进行立项评审。',
        'A product-innovation process collects new product ideas from market, customers and technology trends and reviews them for approval.',
        '创意收集记录；立项评审材料。',
        'Idea records; project approval papers.',
        '建立新产品创意池和季度立项评审会，明确评审标准。',
        'Create an idea pool and a quarterly approval review with clear criteria.',
      ],
    ],
    2: [
      [
        '使用项目管理或 PLM 系统管理创新项目的进度、资源和知识产权，研发投入有统计。',
        'Innovation projects are managed in a project or PLM system (schedule, resources, intellectual property) and R&D spending is tracked.',
        '研发项目管理系统；研发投入统计；专利台账。',
        'R&D project system; R&D spend statistics; patent register.',
        '将研发项目纳入系统管理，按项目归集研发费用和知识产权。',
        'Manage R&D projects in a system and book costs and intellectual property per project.',
      ],
    ],
    3: [
      [
        '创新过程与市场、销售、生产和服务数据打通，新产品立项和评价使用跨部门数据。',
        'Innovation draws on connected market, sales, production and service data; new product approval and evaluation use cross-departmental data.',
        '立项报告中的数据分析；新产品上市后评价。',
        'Data analyses in approval reports; post-launch reviews.',
        '在立项模板中要求市场、成本和可制造性数据，上市一年后做评价。',
        'Require market, cost and manufacturability data in approval templates and review products a year after launch.',
      ],
    ],
    4: [
      [
        '利用知识库和数据模型（如需求挖掘、性能预测、材料配方优化）支撑创新决策，缩短开发周期。',
        'Knowledge bases and data models (demand mining, performance prediction, formulation optimisation) support innovation decisions and shorten development.',
        '模型应用记录；开发周期变化。',
        'Model use records; change in development lead time.',
        '在配方或材料开发中建立试验数据库，用模型筛选方案，减少试验次数。',
        'Build a test database for formulation or material development and screen options with models to cut trials.',
      ],
    ],
    5: [
      [
        '与高校、科研院所、客户和供应商开展开放式创新，联合开发的新产品或新技术已实现产业化。',
        'Open innovation with universities, institutes, customers and suppliers has led to jointly developed products or technologies in production.',
        '合作研发协议；产业化成果和销售数据。',
        'Joint R&D agreements; commercialised results and sales.',
        '围绕产业链共性技术难题牵头组建创新联合体。',
        'Lead an innovation consortium on a technical problem common to the chain.',
      ],
    ],
  },

  quality_management: {
    1: [
      [
        '建立并运行质量管理体系（如 ISO 9001、ISO 13485、IATF 16949），质量目标分解到部门。',
        'A quality management system (e.g. ISO 9001, ISO 13485, IATF 16949) is in operation and quality objectives are cascaded to departments.',
        '体系证书；质量手册；质量目标分解表。',
        'Certificates; quality manual; objective breakdown.',
        '按行业要求建立并认证质量体系，将质量目标分解到部门和班组。',
        'Establish and certify a QMS appropriate to the industry and cascade objectives to departments and teams.',
      ],
    ],
    2: [
      [
        '来料、过程和成品检验在质量管理系统中记录，检验标准和抽样方案由系统维护。',
        'Incoming, in-process and final inspections are recorded in a quality system that maintains specifications and sampling plans.',
        '质量系统界面；检验记录；检验标准库。',
        'Quality system screens; inspection records; specification library.',
        '上线质量管理系统（QMS），检验任务由系统按规则生成。',
        'Introduce a QMS that generates inspection tasks by rule.',
      ],
    ],
    3: [
      [
        '质量数据与设计、采购、生产和售后数据集成，可按产品、供应商、工序分析质量成本和不良分布。',
        'Quality data are integrated with design, purchasing, production and after-sales data, allowing cost-of-quality and defect analysis by product, supplier and operation.',
        '质量成本报表；多维不良分析。',
        'Cost-of-quality reports; multi-dimensional defect analysis.',
        '建立质量数据集市，统一缺陷代码，按月输出质量成本分析。',
        'Build a quality data mart with common defect codes and publish monthly cost-of-quality analysis.',
      ],
    ],
    4: [
      [
        '应用机器视觉或智能检测替代人工目检，检测模型持续用新样本训练优化，漏检率和误判率有统计。',
        'Machine vision or AI inspection replaces manual visual checks; models are retrained on new samples and miss and false-reject rates are measured.',
        '智能检测系统；模型版本记录；漏检和误判统计。',
        'AI inspection system; model versions; miss and false-reject statistics.',
        '选择外观缺陷多、人工检验强度大的工序（如轮胎外观、纺织布面、医疗器械包装）试点视觉检测。',
        'Pilot vision inspection where visual defects are many and manual checking heavy (tyre appearance, fabric, medical packaging).',
      ],
    ],
    5: [
      [
        '牵头或参与产业链质量协同，与供应商和客户共建质量标准、共享质量数据和改进成果。',
        'The enterprise leads or joins chain-wide quality collaboration, building standards and sharing quality data and improvements with suppliers and customers.',
        '联合质量标准；质量协同平台记录。',
        'Joint quality standards; collaboration platform records.',
        '与关键供应商共建来料质量标准和数据接口，开展联合质量攻关。',
        'Build incoming-quality standards and data interfaces with key suppliers and tackle problems jointly.',
      ],
    ],
  },
};

/** Carbon items added to the energy sub-domain in the 2024 draft (能碳管理). */
export const CARBON_2024: LevelSpecs = {
  1: [
    [
      '明确了碳排放管理的责任部门，识别了企业主要排放源（外购电力、燃料燃烧、工艺排放）。',
      'A department is responsible for carbon management and the main emission sources (purchased power, fuel combustion, process emissions) are identified.',
      '排放源清单；责任分工文件。',
      'Emission source list; responsibility document.',
      '按核算指南梳理排放边界和排放源，指定碳管理专员。',
      'Define boundaries and sources following the accounting guidelines and appoint a carbon officer.',
    ],
  ],
  2: [
    [
      '按年度完成企业碳排放核算，活动数据来自计量和能源系统而非估算。',
      'Annual corporate carbon emissions are calculated from metered and energy-system activity data rather than estimates.',
      '碳排放核算报告；活动数据来源说明。',
      'Carbon accounting report; activity data sources.',
      '利用能源管理系统数据自动生成碳核算所需的活动数据。',
      'Generate the activity data for carbon accounting automatically from the energy system.',
    ],
  ],
  3: [
    [
      '能耗和碳排放数据按产品、工序核算，并与生产和采购数据关联，可输出产品碳足迹。',
      'Energy and carbon are allocated to products and operations and linked with production and purchasing data, so product footprints can be produced.',
      '产品碳足迹报告；核算模型。',
      'Product carbon footprint reports; allocation model.',
      '以出口或主机厂要求的产品为先，建立产品级碳足迹核算模型。',
      'Start with products that export markets or OEM customers ask about and build a product-level footprint model.',
    ],
  ],
  4: [],
  5: [],
};

/** A scheduling item for the 2024 draft where the 2020 items mix planning and scheduling. */
export const SCHEDULING_L1_2024: ItemSpec = [
  '车间按书面规则（优先级、换型顺序、交期）编排作业顺序，排产结果下发到班组并记录执行情况。',
  'Workshops sequence jobs by written rules (priority, changeover order, due date), issue the schedule to teams and record its execution.',
  '排产规则；车间作业计划；执行记录。',
  'Sequencing rules; shop schedules; execution records.',
  '把排产经验写成规则（优先级、换型矩阵），由计划员统一编排并跟踪执行。',
  'Write sequencing know-how down as rules (priorities, changeover matrix) and have a planner issue and track the schedule.',
];

import type { Catalog } from '../../app/i18n/types.ts';

// Field names (code, nameZh, nameEn) come from the domain (fieldLabel); these are the page's own words.
export const taxonomyMessages = {
  'taxonomy.title': { zh: '产业分类', en: 'Industry taxonomy' },
  'taxonomy.subtitle': {
    zh: '维护产业链、产业集群和区市名称；企业名录的筛选、企业表单和批量导入都使用这些分类',
    en: 'Industry chains, clusters and district names, as the registry’s filters, forms and import use them',
  },
  'taxonomy.tab.chains': { zh: '产业链', en: 'Industry chains' },
  'taxonomy.tab.clusters': { zh: '产业集群', en: 'Industry clusters' },
  'taxonomy.tab.districts': { zh: '区市', en: 'Districts' },
  'taxonomy.col.usage': { zh: '企业数', en: 'Enterprises' },
  'taxonomy.col.chain': { zh: '所属产业链', en: 'Chain' },
  'taxonomy.col.kind': { zh: '类型', en: 'Kind' },
  'taxonomy.kind.district': { zh: '市辖区', en: 'District' },
  'taxonomy.kind.county_city': { zh: '县级市', en: 'County-level city' },
  'taxonomy.kind.functional_zone': { zh: '功能区', en: 'Functional zone' },
  'taxonomy.usageUnknown': {
    zh: '企业数暂时无法读取，删除时由服务器核对是否仍被使用。',
    en: 'The enterprise counts could not be read; the server still checks for use before deleting.',
  },

  'taxonomy.new.chains': { zh: '新增产业链', en: 'New chain' },
  'taxonomy.new.clusters': { zh: '新增产业集群', en: 'New cluster' },
  'taxonomy.editTitle': { zh: '编辑「{name}」', en: 'Edit "{name}"' },
  'taxonomy.codeHint': {
    zh: '字母、数字、_ 或 -，最多 20 位，保存为大写；创建后不可修改',
    en: 'Letters, digits, _ or -, up to 20, kept in upper case; fixed once created',
  },
  'taxonomy.codePattern': {
    zh: '代码须以字母或数字开头，只含字母、数字、_ 或 -，最多 20 位',
    en: 'A code starts with a letter or digit and has only letters, digits, _ or -, up to 20',
  },
  'taxonomy.districtHint': {
    zh: '区市代码为国家行政区划代码，不可修改；这里只修改显示名称。',
    en: 'District codes are national division codes and never change; only the display names can be edited here.',
  },
  'taxonomy.demoHint': {
    zh: '演示名称，尚未经主管部门确认；编辑保存后即作为正式名称',
    en: 'A demo name the bureau has not confirmed; saving an edit makes it official',
  },
  'taxonomy.created': { zh: '已新增「{name}」', en: 'Added "{name}"' },
  'taxonomy.updated': { zh: '已保存「{name}」', en: 'Saved "{name}"' },

  'taxonomy.delete': { zh: '删除', en: 'Delete' },
  'taxonomy.deleteConfirm': { zh: '确定删除「{name}」？', en: 'Delete "{name}"?' },
  'taxonomy.deleted': { zh: '已删除「{name}」', en: 'Deleted "{name}"' },
  'taxonomy.inUseHint': { zh: '仍有 {count} 家企业使用，不能删除', en: 'Enterprises using it: {count}; it cannot be deleted' },
  'taxonomy.hasClustersHint': {
    zh: '仍有 {count} 个产业集群属于该产业链，不能删除',
    en: 'Clusters in this chain: {count}; it cannot be deleted',
  },
  'taxonomy.cannotDelete': { zh: '不能删除「{name}」', en: 'Cannot delete "{name}"' },
  'taxonomy.empty': { zh: '还没有任何条目', en: 'Nothing here yet' },
} as const satisfies Catalog;

import {
  MANUFACTURING_TYPE_LABELS,
  SIZE_CLASS_LABELS,
  fieldLabel,
  type EnterpriseInput,
  type ManufacturingType,
  type SizeClass,
  type TaxonomyCodes,
} from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import { loadTaxonomy } from './taxonomy.repo.ts';

// The enterprise sheet's columns, shared by the template, the import, the error report and the export,
// so an export can be imported again. Headers are the domain's Chinese field labels; * marks required.

export type ColumnField = keyof EnterpriseInput;

export interface EnterpriseColumn {
  field: ColumnField;
  required: boolean;
  /** Code-like values: a text cell, or Excel drops leading zeros and turns long digits into 9.1E+17. */
  text: boolean;
  width: number;
  note: string;
}

const column = (field: ColumnField, width: number, note: string, flags: { required?: boolean; text?: boolean } = {}): EnterpriseColumn => ({
  field,
  width,
  note,
  required: flags.required ?? false,
  text: flags.text ?? false,
});

export const ENTERPRISE_COLUMNS: readonly EnterpriseColumn[] = [
  column('creditCode', 24, '18 位统一社会信用代码（GB 32100-2015），字母大写，不使用 I、O、S、V、Z。本列为文本格式，请勿改成数字。', {
    required: true,
    text: true,
  }),
  column('name', 32, '营业执照上的企业全称，最多 100 字。', { required: true }),
  column('districtCode', 22, '从下拉列表选择区市名称，也可填写 6 位区划代码。', { required: true }),
  column('chainCodes', 28, '可填写多个产业链名称或代码，用顿号「、」或逗号分隔；下拉列表可选其一。可留空。'),
  column('clusterCode', 24, '从下拉列表选择产业集群名称，也可填写代码。可留空。'),
  column('sizeClass', 10, '规上：年主营业务收入 2000 万元及以上；规下：不足 2000 万元。', { required: true }),
  column('manufacturingType', 12, '离散型（装配、加工）或流程型（化工、冶炼等连续生产）。', { required: true }),
  column('industryCode', 18, 'GB/T 4754-2017 制造业行业代码（C13–C43），2–4 位数字，可带字母 C，如 C3484。本列为文本格式。', {
    text: true,
  }),
  column('address', 36, '生产经营地址，最多 200 字。'),
  column('mainProducts', 30, '主要产品，多个用顿号分隔，最多 200 字。'),
  column('contactName', 12, '企业联系人姓名。'),
  column('contactPhone', 16, '手机号 11 位，或固定电话如 0631-5200000。本列为文本格式。', { text: true }),
  column('contactEmail', 26, '联系人电子邮箱。'),
];

/** The header cell's text: the Chinese label, with * when required. */
export const columnHeader = (c: EnterpriseColumn) => fieldLabel(c.field, 'zh-CN') + (c.required ? '*' : '');

/** Excel's column letter for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const normaliseHeader = (text: string) => text.replace(/[*＊\s]/g, '').toLowerCase();
const HEADER_FIELDS = new Map<string, ColumnField>(
  ENTERPRISE_COLUMNS.flatMap((c) =>
    [fieldLabel(c.field, 'zh-CN'), fieldLabel(c.field, 'en'), c.field].map((h) => [normaliseHeader(h), c.field] as const),
  ),
);

/** The field a header cell names (Chinese or English label, with or without *), or undefined. */
export const fieldOfHeader = (text: string): ColumnField | undefined => HEADER_FIELDS.get(normaliseHeader(text));

interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Two-way lookup between codes and the names people type: Chinese name, English name or the code. */
class NameIndex {
  private readonly toCodeMap = new Map<string, string>();
  private readonly toNameMap = new Map<string, string>();
  constructor(readonly items: readonly Named[]) {
    for (const i of items) {
      for (const key of [i.code, i.nameZh, i.nameEn]) this.toCodeMap.set(key.trim().toLowerCase(), i.code);
      if (!this.toNameMap.has(i.code)) this.toNameMap.set(i.code, i.nameZh);
    }
  }
  /** The code for what was typed; what was typed when nothing matches, so the rules can name it. */
  code(text: string): string {
    return this.toCodeMap.get(text.trim().toLowerCase()) ?? text.trim();
  }
  name(code: string): string {
    return this.toNameMap.get(code) ?? code;
  }
}

const enumIndex = (labels: Record<string, { zh: string; en: string }>, aliases: Record<string, string[]>) =>
  new NameIndex(
    Object.entries(labels).flatMap(([code, l]) => [
      { code, nameZh: l.zh, nameEn: l.en },
      ...(aliases[code] ?? []).map((a) => ({ code, nameZh: a, nameEn: a })),
    ]),
  );

const SIZE_CLASSES = enumIndex(SIZE_CLASS_LABELS, { above_designated: ['规模以上'], below_designated: ['规模以下'] });
const MANUFACTURING_TYPES = enumIndex(MANUFACTURING_TYPE_LABELS, { discrete: ['离散'], process: ['流程'] });

// 产业链 may list several: 、 , ， ; ； or a line break between them.
const LIST_SEPARATOR = /[、,，;；\n]+/;

/** The taxonomy as the sheet sees it: names for dropdowns and export, codes for the rules. */
export interface SheetTaxonomy {
  codes: TaxonomyCodes;
  districts: NameIndex;
  chains: NameIndex;
  clusters: NameIndex;
}

export async function loadSheetTaxonomy(db: Executor): Promise<SheetTaxonomy> {
  const t = await loadTaxonomy(db);
  return {
    codes: {
      districtCodes: new Set(t.districts.map((d) => d.code)),
      chainCodes: new Set(t.chains.map((c) => c.code)),
      clusterCodes: new Set(t.clusters.map((c) => c.code)),
    },
    districts: new NameIndex(t.districts),
    chains: new NameIndex(t.chains),
    clusters: new NameIndex(t.clusters),
  };
}

/** The names offered in the template's dropdowns: 规上/规下, 离散型/流程型. */
export const SIZE_CLASS_NAMES = Object.values(SIZE_CLASS_LABELS).map((l) => l.zh);
export const MANUFACTURING_TYPE_NAMES = Object.values(MANUFACTURING_TYPE_LABELS).map((l) => l.zh);

export type SheetCells = Record<ColumnField, string>;

/** A row's cell texts as an input, names mapped to codes. Unknown names stay as typed for the rules to report. */
export function inputFromCells(cells: SheetCells, taxonomy: SheetTaxonomy): EnterpriseInput {
  const opt = (text: string) => text || null;
  return {
    creditCode: cells.creditCode,
    name: cells.name,
    districtCode: cells.districtCode ? taxonomy.districts.code(cells.districtCode) : '',
    chainCodes: cells.chainCodes
      .split(LIST_SEPARATOR)
      .filter((t) => t.trim())
      .map((t) => taxonomy.chains.code(t)),
    clusterCode: cells.clusterCode ? taxonomy.clusters.code(cells.clusterCode) : null,
    sizeClass: (cells.sizeClass ? SIZE_CLASSES.code(cells.sizeClass) : '') as SizeClass,
    manufacturingType: (cells.manufacturingType ? MANUFACTURING_TYPES.code(cells.manufacturingType) : '') as ManufacturingType,
    industryCode: opt(cells.industryCode),
    address: opt(cells.address),
    mainProducts: opt(cells.mainProducts),
    contactName: opt(cells.contactName),
    contactPhone: opt(cells.contactPhone),
    contactEmail: opt(cells.contactEmail),
  };
}

/** An input as the cells a person reads: codes shown by their Chinese names, in column order. */
export function cellsFromInput(input: EnterpriseInput, taxonomy: SheetTaxonomy): string[] {
  const cells: SheetCells = {
    creditCode: input.creditCode,
    name: input.name,
    districtCode: taxonomy.districts.name(input.districtCode),
    chainCodes: input.chainCodes.map((c) => taxonomy.chains.name(c)).join('、'),
    clusterCode: input.clusterCode ? taxonomy.clusters.name(input.clusterCode) : '',
    sizeClass: SIZE_CLASSES.name(input.sizeClass),
    manufacturingType: MANUFACTURING_TYPES.name(input.manufacturingType),
    industryCode: input.industryCode ?? '',
    address: input.address ?? '',
    mainProducts: input.mainProducts ?? '',
    contactName: input.contactName ?? '',
    contactPhone: input.contactPhone ?? '',
    contactEmail: input.contactEmail ?? '',
  };
  return ENTERPRISE_COLUMNS.map((c) => cells[c.field]);
}

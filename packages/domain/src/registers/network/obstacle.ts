import type { RegisterDefinition } from '../definition.ts';
import { datesInOrder } from '../check.ts';

// Obstacles to building 5G (a site refused, no power, a permit stuck): raised by an operator, assigned
// to a department, resolved; their age shows what is left lying.

export const OBSTACLE_KINDS = [
  { value: 'site_refused', label: { zh: '站址进场受阻', en: 'Site refused' } },
  { value: 'power', label: { zh: '电力引入', en: 'Power supply' } },
  { value: 'permit', label: { zh: '审批手续', en: 'Permits' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
] as const;

export const OBSTACLE_STATUSES = [
  { value: 'open', label: { zh: '待交办', en: 'Open' } },
  { value: 'assigned', label: { zh: '已交办', en: 'Assigned' } },
  { value: 'resolved', label: { zh: '已解决', en: 'Resolved' } },
] as const;

const raisedOn = { key: 'raisedOn', label: { zh: '提出日期', en: 'Raised on' } };
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Days an obstacle has been open (unresolved, counted to today) or took to resolve. */
export function obstacleAgeDays(values: { raisedOn?: unknown; resolvedOn?: unknown; status?: unknown }, today: string): number | null {
  if (typeof values.raisedOn !== 'string') return null;
  const end = values.status === 'resolved' && typeof values.resolvedOn === 'string' ? values.resolvedOn : today;
  return Math.max(0, daysBetween(values.raisedOn, end));
}

export const OBSTACLE_REGISTER: RegisterDefinition = {
  key: 'network-obstacles',
  table: 'register_network_obstacle',
  group: 'network',
  label: { zh: '5G 建设难题', en: 'Obstacles to 5G construction' },
  itemLabel: { zh: '建设难题', en: 'obstacle' },
  ownership: 'district',
  fields: [
    { key: 'kind', type: 'enum', label: { zh: '问题类型', en: 'Kind' }, options: OBSTACLE_KINDS, required: true, filter: true },
    { key: 'site', type: 'text', label: { zh: '站址', en: 'Site' }, required: true },
    { key: 'description', type: 'text', label: { zh: '问题描述', en: 'Description' }, required: true, multiline: true },
    { key: 'districtCode', type: 'district', label: { zh: '区市', en: 'District' }, required: true, filter: true },
    { ...raisedOn, type: 'date', required: true, notFuture: true, filter: true },
    { key: 'department', type: 'text', label: { zh: '责任部门', en: 'Assigned department' }, filter: true },
    { key: 'status', type: 'enum', label: { zh: '状态', en: 'Status' }, options: OBSTACLE_STATUSES, required: true, filter: true },
    { key: 'resolvedOn', type: 'date', label: { zh: '解决日期', en: 'Resolved on' }, notFuture: true },
    { key: 'resolution', type: 'text', label: { zh: '解决情况', en: 'Resolution' }, multiline: true },
  ],
  titleField: 'site',
  rules: [
    {
      code: 'resolvedAfterRaised',
      field: 'resolvedOn',
      severity: 'error',
      description: { zh: '解决日期不早于提出日期', en: 'Resolved no earlier than raised' },
      test: datesInOrder(raisedOn, 'resolvedOn'),
    },
    {
      code: 'resolvedNeedsDate',
      field: 'resolvedOn',
      severity: 'error',
      description: { zh: '已解决的问题有解决日期', en: 'A resolved obstacle has its date' },
      test: (values) => (values.status === 'resolved' && !values.resolvedOn ? { key: 'registers.network.resolvedNeedsDate' } : null),
    },
    {
      code: 'dateOnlyWhenResolved',
      field: 'resolvedOn',
      severity: 'error',
      description: { zh: '未解决的问题没有解决日期', en: 'An unresolved obstacle has no resolution date' },
      test: (values) => (values.status !== 'resolved' && values.resolvedOn ? { key: 'registers.network.dateOnlyWhenResolved' } : null),
    },
    {
      code: 'departmentNeeded',
      field: 'department',
      severity: 'error',
      description: { zh: '已交办或已解决的问题有责任部门', en: 'An assigned or resolved obstacle names its department' },
      test: (values) => (values.status !== 'open' && !values.department ? { key: 'registers.network.departmentNeeded' } : null),
    },
  ],
  derived: [
    {
      key: 'ageDays',
      label: { zh: '时长（天）', en: 'Age (days)' },
      compute: (values, today) => obstacleAgeDays(values, today),
    },
  ],
  columns: ['site', 'kind', 'districtCode', 'raisedOn', 'department', 'status', 'ageDays'],
  defaultSort: { field: 'raisedOn', direction: 'desc' },
};

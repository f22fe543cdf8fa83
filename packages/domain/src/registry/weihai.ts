// Weihai's districts and functional zones with their division codes: GB/T 2260 for the four
// county-level units, NBS 统计用区划代码 for the three functional zones (../shared/domain/gov-it.md §6;
// the codes are the ones named in issue 2).
export const WEIHAI_DIVISION_CODE = '371000';

export interface District {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'district' | 'county_city' | 'functional_zone';
}

export const WEIHAI_DISTRICTS: readonly District[] = [
  { code: '371002', nameZh: '环翠区', nameEn: 'Huancui District', kind: 'district' },
  { code: '371003', nameZh: '文登区', nameEn: 'Wendeng District', kind: 'district' },
  { code: '371082', nameZh: '荣成市', nameEn: 'Rongcheng', kind: 'county_city' },
  { code: '371083', nameZh: '乳山市', nameEn: 'Rushan', kind: 'county_city' },
  { code: '371071', nameZh: '火炬高技术产业开发区', nameEn: 'Torch High-tech Zone', kind: 'functional_zone' },
  { code: '371072', nameZh: '经济技术开发区', nameEn: 'Economic and Technological Development Zone', kind: 'functional_zone' },
  { code: '371073', nameZh: '临港经济技术开发区', nameEn: 'Lingang Economic and Technological Development Zone', kind: 'functional_zone' },
];

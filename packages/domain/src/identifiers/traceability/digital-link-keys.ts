// The primary keys of GS1 Digital Link, their key qualifier paths (ordered, every element optional) and the formats
// of their values. Source: GS1 Digital Link Standard: URI Syntax 1.4 — the ABNF grammar GS1 publishes with it
// (GS1_Digital_Link_Grammar_1_4.abnf: "Primary key formats", "Key qualifier formats", "Path element order");
// check digit positions: GS1 General Specifications §3.2 (the AI table) and §7.9.

/** A value format: N a digit, X one of GS1's 82 characters, Y one of the 39 CPID characters, with regex counts. */
export type DlFormat = string;

export interface DlKey {
  name: string;
  format: DlFormat;
  /** Where the mod-10 check digit sits (1-based), or 'last'; none for keys without one. */
  checkDigit?: number | 'last';
  qualifierPaths: readonly (readonly string[])[];
}

export const DL_KEYS: Readonly<Record<string, DlKey>> = {
  '01': { name: 'GTIN', format: 'N{14}', checkDigit: 'last', qualifierPaths: [['22', '10', '21'], ['235']] },
  '8006': { name: 'ITIP', format: 'N{14}N{2}N{2}', checkDigit: 14, qualifierPaths: [['22', '10', '21']] },
  '8013': { name: 'GMN', format: 'X{1,25}', qualifierPaths: [] },
  '8010': { name: 'CPID', format: 'Y{1,30}', qualifierPaths: [['8011']] },
  '414': { name: 'GLN', format: 'N{13}', checkDigit: 'last', qualifierPaths: [['254'], ['7040']] },
  '415': { name: 'GLN of the invoicing party', format: 'N{13}', checkDigit: 'last', qualifierPaths: [] },
  '417': { name: 'Party GLN', format: 'N{13}', checkDigit: 'last', qualifierPaths: [['7040']] },
  '8017': { name: 'GSRN (provider)', format: 'N{18}', checkDigit: 'last', qualifierPaths: [['8019']] },
  '8018': { name: 'GSRN (recipient)', format: 'N{18}', checkDigit: 'last', qualifierPaths: [['8019']] },
  '255': { name: 'GCN', format: 'N{13}N{0,12}', checkDigit: 13, qualifierPaths: [] },
  '00': { name: 'SSCC', format: 'N{18}', checkDigit: 'last', qualifierPaths: [] },
  '253': { name: 'GDTI', format: 'N{13}X{0,17}', checkDigit: 13, qualifierPaths: [] },
  '401': { name: 'GINC', format: 'X{1,30}', qualifierPaths: [] },
  '402': { name: 'GSIN', format: 'N{17}', checkDigit: 'last', qualifierPaths: [] },
  // a GRAI is a zero then the 13-digit asset type with its check digit, then an optional serial
  '8003': { name: 'GRAI', format: '0N{13}X{0,16}', checkDigit: 14, qualifierPaths: [] },
  '8004': { name: 'GIAI', format: 'X{1,30}', qualifierPaths: [['7040']] },
};

export const DL_QUALIFIER_FORMATS: Readonly<Record<string, DlFormat>> = {
  '22': 'X{1,20}',
  '10': 'X{1,20}',
  '21': 'X{1,20}',
  '235': 'X{1,28}',
  '8011': 'N{1,12}',
  '254': 'X{1,20}',
  '8019': 'N{1,10}',
  '7040': 'N{1}X{3}',
};

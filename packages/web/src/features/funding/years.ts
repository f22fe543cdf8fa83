// The programme's years: the seed's trend starts in 2019 (seed README §二.1); a few years ahead for planning.
export const FIRST_YEAR = 2019;
export const THIS_YEAR = new Date().getFullYear();
export const YEARS = Array.from({ length: THIS_YEAR + 2 - FIRST_YEAR }, (_, i) => THIS_YEAR + 1 - i);
export const YEAR_OPTIONS = YEARS.map((y) => ({ value: y, label: String(y) }));

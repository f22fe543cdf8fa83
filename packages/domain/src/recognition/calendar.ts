// Working-day calendar for public notices (issue 4 part 5): 公示 runs 5–7 working days
// (recognition-and-funding.md §2, step 7). Weekends are rest days unless listed as make-up workdays
// (调休上班); listed holidays are rest days. Dates are China-calendar dates as YYYY-MM-DD.

export type CalendarDayKind = 'holiday' | 'workday';
export interface CalendarOverrides {
  /** Dates off although on a weekday (法定节假日). */
  holidays: ReadonlySet<string>;
  /** Weekend dates worked (调休). */
  workdays: ReadonlySet<string>;
}

export const NO_OVERRIDES: CalendarOverrides = { holidays: new Set(), workdays: new Set() };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The China-calendar date (UTC+8, no daylight saving) of an instant. */
export function chinaDate(at: Date | number = Date.now()): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: CalendarOverrides = NO_OVERRIDES): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, calendar: CalendarOverrides = NO_OVERRIDES): string {
  let d = date;
  // a year of rest days in a row would be a broken calendar; stop rather than loop forever
  for (let i = 0; i < 366 && !isWorkingDay(d, calendar); i++) d = addDays(d, 1);
  return d;
}

/**
 * A notice of `workingDays` working days starting on `start`: it opens on the first working day on or
 * after `start` (that day counts as day 1) and ends on the last of its working days, inclusive.
 */
export function noticePeriod(
  start: string,
  workingDays: number,
  calendar: CalendarOverrides = NO_OVERRIDES,
): { startsOn: string; endsOn: string } {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('workingDays must be a positive integer');
  if (!isIsoDate(start)) throw new RangeError('start must be a date written YYYY-MM-DD');
  const startsOn = nextWorkingDay(start, calendar);
  let endsOn = startsOn;
  // a calendar with no working day for a year, or a date past 9999, ends the count rather than looping on
  for (let counted = 1, scanned = 0; counted < workingDays; scanned++) {
    endsOn = addDays(endsOn, 1);
    if (scanned > MAX_SCAN_DAYS || !isIsoDate(endsOn)) throw new RangeError('no working days found within a year');
    if (isWorkingDay(endsOn, calendar)) counted++;
  }
  if (!isWorkingDay(startsOn, calendar)) throw new RangeError('no working days found within a year');
  return { startsOn, endsOn };
}

const MAX_SCAN_DAYS = 366 + 31 * 2;

/** End date of `n` working days counted from `start` (start inclusive when it is a working day). */
export const addWorkingDays = (start: string, n: number, calendar: CalendarOverrides = NO_OVERRIDES): string =>
  noticePeriod(start, n, calendar).endsOn;

export function noticeStatus(today: string, startsOn: string, endsOn: string): 'upcoming' | 'open' | 'ended' {
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'ended' : 'open';
}

export function overridesFrom(days: readonly { date: string; kind: string }[]): CalendarOverrides {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}

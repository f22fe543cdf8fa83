// Instants of EPCIS date-times at the precision sent: xsd:dateTime allows any number of fractional
// digits (EPCIS 2.0 §7.3.1, the JSON schema's date-time), and a query bound with sub-millisecond digits
// must compare exactly (`…31.1161Z` is after `…31.116Z`).

const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The UTC instant of an ISO 8601 date-time with an offset, with nine fractional digits
 * (`2005-04-03T20:33:31.116000-06:00` → `2005-04-04T02:33:31.116000000Z`), so that instants compare as text;
 * null when it is not one.
 */
export function preciseInstant(dateTime: string): string | null {
  const m = DATE_TIME.exec(dateTime.trim());
  if (!m) return null;
  const fraction = (m[2] ?? '').padEnd(9, '0');
  if (fraction.length > 9 && /[1-9]/.test(fraction.slice(9))) return null; // beyond nanoseconds: not representable
  const ms = Date.parse(`${m[1]}.${fraction.slice(0, 3)}${m[3]}`);
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms).toISOString().slice(0, 23)}${fraction.slice(3, 9)}Z`;
}

import { describe, expect, it } from 'vitest';
import {
  addYears,
  banUntil,
  formatRecognitionNumber,
  parseRecognitionNumber,
  recognitionNumberPrefix,
  reevaluationDue,
  revokesOnReevaluation,
} from './lifecycle.ts';
import { nextLevel } from './types.ts';

describe('recognition numbers', () => {
  it('reads year, kind, level and serial', () => {
    expect(formatRecognitionNumber({ year: 2026, kind: 'smart_factory', level: 'municipal', serial: 7 })).toBe('WH-2026-SF-M-007');
    expect(formatRecognitionNumber({ year: 2024, kind: 'digital_workshop', level: 'national', serial: 1234 })).toBe('WH-2024-DW-N-1234');
    expect(parseRecognitionNumber('WH-2025-DW-P-039')).toEqual({ year: 2025, kind: 'digital_workshop', level: 'provincial', serial: 39 });
    expect(parseRecognitionNumber('WH-2025-XX-P-039')).toBeNull();
    expect(recognitionNumberPrefix(2026, 'smart_factory', 'provincial')).toBe('WH-2026-SF-P-');
    expect(() => formatRecognitionNumber({ year: 2026, kind: 'smart_factory', level: 'municipal', serial: 0 })).toThrow(RangeError);
  });
});

describe('re-evaluation and revocation', () => {
  it('is due two years on', () => {
    expect(reevaluationDue('2026-06-30')).toBe('2028-06-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('bans reapplying for two years, three after fraud, through the day before the anniversary', () => {
    expect(banUntil('reevaluation_failed', '2026-06-30')).toBe('2028-06-29');
    expect(banUntil('enterprise_request', '2026-06-30')).toBe('2028-06-29');
    expect(banUntil('fraud', '2026-06-30')).toBe('2029-06-29');
  });

  it('revokes only on a failed re-evaluation', () => {
    expect(revokesOnReevaluation('fail')).toBe(true);
    expect(revokesOnReevaluation('pass')).toBe(false);
    expect(revokesOnReevaluation('excellent')).toBe(false);
  });

  it('climbs municipal → provincial → national', () => {
    expect(nextLevel('municipal')).toBe('provincial');
    expect(nextLevel('provincial')).toBe('national');
    expect(nextLevel('national')).toBeNull();
  });
});

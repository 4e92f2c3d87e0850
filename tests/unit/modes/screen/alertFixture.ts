import type { Alert } from '../../../../src/analysis/alerts/types';

/** A water-level alert at an underpass sensor; override what a test is about. */
export function alertOf(id: string, extra: Partial<Alert> = {}): Alert {
  return {
    id, key: `underpass-water:sensor:${id}`, ruleId: 'underpass-water', cause: 'threshold', severity: 'major', status: 'new', active: true,
    asset: { kind: 'sensor', id: `s-${id}`, x: 100, y: -50, type: 'water_level', name: { zh: '塔城路下立交', en: 'Tacheng Rd underpass' } },
    value: 12, unit: 'cm', threshold: 10, raisedAtMs: 1_000, updatedAtMs: 1_000, clearedAtMs: null, acknowledgedAtMs: null,
    closedAtMs: null, occurrences: 1, reopenCount: 0, ...extra,
  };
}

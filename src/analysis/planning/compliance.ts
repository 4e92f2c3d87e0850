/**
 * Checks a state's indicators against the plot's four 控规 limits. The result is a scheme
 * reference (方案参考), never a statutory finding, and shipped limits are illustrative (示意).
 */
import type { ComplianceRow, IndicatorKey, Indicators, PlotLimits } from './types';

/**
 * Values within this relative distance of the limit count as equal to it, so a scheme drawn to
 * exactly FAR 2.5 passes a 2.5 cap despite floating-point area sums (2.5000000000000004).
 */
export const COMPLIANCE_REL_TOLERANCE = 1e-9;

interface Rule {
  indicator: IndicatorKey;
  sense: 'max' | 'min';
  limit: (l: PlotLimits) => number | null;
}

/** Row order is fixed: it is the order of the board and of the CSV. */
export const COMPLIANCE_RULES: readonly Rule[] = [
  { indicator: 'far', sense: 'max', limit: (l) => l.farMax },
  { indicator: 'density', sense: 'max', limit: (l) => l.densityMax },
  { indicator: 'greenRatio', sense: 'min', limit: (l) => l.greenRatioMin },
  { indicator: 'maxHeightM', sense: 'max', limit: (l) => l.heightMaxM },
];

export function checkCompliance(ind: Indicators, limits: PlotLimits): ComplianceRow[] {
  return COMPLIANCE_RULES.map(({ indicator, sense, limit: pick }) => {
    const value = ind[indicator];
    const limit = pick(limits);
    if (limit === null) return { indicator, value, limit, sense, verdict: 'uncontrolled', margin: null };
    const atLimit = Math.abs(value - limit) <= COMPLIANCE_REL_TOLERANCE * Math.max(Math.abs(value), Math.abs(limit));
    // At the limit the margin is reported as exactly 0, never as a tiny negative that reads as a fail.
    const raw = sense === 'max' ? limit - value : value - limit;
    const margin = atLimit ? 0 : raw;
    return { indicator, value, limit, sense, verdict: margin >= 0 ? 'pass' : 'fail', margin };
  });
}

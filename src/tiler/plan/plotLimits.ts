/**
 * The 控规 limits of one plot, resolved in a fixed order so every value can be traced to one line
 * of tiles/<zone>/plan.json: the class default, replaced by the class's core limits when the plot
 * lies near the zone's core water body, then any field the plot's override names.
 */
import type { LandUseClass } from '../../core/landUse';
import type { PlotLimits } from '../../analysis/planning/types';
import type { PlanRules } from './planRules';

export type LimitsOrigin = 'class' | 'core' | 'override';

export function plotLimits(
  rules: PlanRules,
  landUse: LandUseClass,
  blockCode: string,
  nearCore: boolean,
): { limits: PlotLimits; origin: LimitsOrigin } {
  const base = rules.classDefaults[landUse];
  const core = nearCore ? rules.core.limits[landUse] : undefined;
  // A class without a default is not controlled: null limits always pass.
  const start = core ?? base ?? { farMax: null, heightMaxM: null, densityMax: null, greenRatioMin: null };
  const limits: PlotLimits = {
    farMax: start.farMax, heightMaxM: start.heightMaxM, densityMax: start.densityMax, greenRatioMin: start.greenRatioMin,
  };
  const o = rules.overrides[blockCode];
  if (!o) return { limits, origin: core ? 'core' : 'class' };
  if (o.farMax !== undefined) limits.farMax = o.farMax;
  if (o.heightMaxM !== undefined) limits.heightMaxM = o.heightMaxM;
  if (o.densityMax !== undefined) limits.densityMax = o.densityMax;
  if (o.greenRatioMin !== undefined) limits.greenRatioMin = o.greenRatioMin;
  return { limits, origin: 'override' };
}

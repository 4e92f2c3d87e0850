/** What zone assembly hands the writer for the planning layers of one zone. */
import type { ControlLineKind, ZonePlan } from '../../analysis/planning/types';
import type { BuildingInput } from '../types';

export interface SchemeTilesetInput {
  schemeId: string;
  buildings: BuildingInput[];
}

export interface ZonePlanInput {
  /** Written as plan/plan.json (ENU rounded to centimetres). */
  plan: ZonePlan;
  /** One buildings tileset per shipped scheme, at schemes/<id>/. */
  schemeTilesets: SchemeTilesetInput[];
}

export interface ZonePlanCounts {
  plots: number;
  lines: Record<ControlLineKind, number>;
  sites: number;
  schemes: number;
  schemeBuildings: number;
}

export function planCounts(p: ZonePlanInput): ZonePlanCounts {
  const lines: Record<ControlLineKind, number> = { red: 0, green: 0, blue: 0, purple: 0 };
  for (const l of p.plan.controlLines) lines[l.kind]++;
  return {
    plots: p.plan.plots.length,
    lines,
    sites: p.plan.sites.length,
    schemes: p.plan.schemes.length,
    schemeBuildings: p.plan.schemes.reduce((n, s) => n + s.buildings.length, 0),
  };
}

/**
 * The CLI's result file: the label, the inputs (zone, state, profile with every parameter, year,
 * standard day, receivers), a summary, a per-building table, every window, and the impact list.
 * Centimetres and 1/10000 h are plenty; rounding keeps a site's file readable.
 */
import type { SunlightRunResult } from '../analysis/sunlight/engine';
import type { SunlightImpact } from '../analysis/sunlight/impact';
import { SUNLIGHT_LABEL, type Profile } from '../analysis/sunlight/profiles';
import type { StateBuilding } from './state';

const r2 = (v: number): number => Math.round(v * 100) / 100;
const r4 = (v: number): number => Math.round(v * 10_000) / 10_000;
const iso = (ms: number): string => new Date(ms).toISOString();

export interface ReportInput {
  zoneId: string;
  state: string;
  origin: { lonDeg: number; latDeg: number };
  profile: Profile;
  receiversFrom: string;
  spacingM: number;
  casterCount: number;
  dataFrom: 'built' | 'assembled';
  buildings: readonly StateBuilding[];
  result: SunlightRunResult;
  impact?: { state: string; neighbours: number; receivers: number; casters: number; impact: SunlightImpact };
}

function buildingTable(buildings: readonly StateBuilding[], result: SunlightRunResult) {
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const rows = new Map<string, { windows: number; failing: number; minHours: number; failingFloors: Set<number> }>();
  for (const r of result.receivers) {
    const row = rows.get(r.buildingId) ?? { windows: 0, failing: 0, minHours: Infinity, failingFloors: new Set<number>() };
    row.windows++;
    row.minHours = Math.min(row.minHours, r.hours);
    if (!r.pass) {
      row.failing++;
      row.failingFloors.add(r.floor);
    }
    rows.set(r.buildingId, row);
  }
  return [...rows].map(([id, row]) => ({
    buildingId: id,
    name: byId.get(id)?.name ?? { zh: '', en: '' },
    use: byId.get(id)?.use ?? null,
    status: byId.get(id)?.status ?? null,
    windows: row.windows,
    failing: row.failing,
    minHours: r4(row.minHours),
    failingFloors: [...row.failingFloors].sort((a, b) => a - b),
  }));
}

export function buildReport(x: ReportInput) {
  const { result, profile } = x;
  return {
    label: SUNLIGHT_LABEL,
    zoneId: x.zoneId,
    state: x.state,
    dataFrom: x.dataFrom,
    site: { latDeg: x.origin.latDeg, lonDeg: x.origin.lonDeg },
    profile,
    year: result.year,
    standardDay: result.standardDay,
    window: {
      startUtc: result.times.length ? iso(result.times[0]! - (profile.stepMin * 30_000)) : null,
      endUtc: result.times.length ? iso(result.times.at(-1)! + (profile.stepMin * 30_000)) : null,
      steps: result.times.length,
    },
    receivers: { from: x.receiversFrom, spacingM: x.spacingM, buildings: new Set(result.receivers.map((r) => r.buildingId)).size, windows: result.receivers.length },
    casters: x.casterCount,
    summary: { passed: result.passed, failed: result.failed, minHours: r4(result.minHours), maxHours: r4(result.maxHours) },
    buildings: buildingTable(x.buildings, result),
    windows: result.receivers.map((r) => ({
      id: r.id,
      buildingId: r.buildingId,
      facade: r.facade,
      floor: r.floor,
      position: r.position.map(r2),
      normal: r.normal.map(r4),
      hours: r4(r.hours),
      longestContinuousH: r4(r.longestContinuousH),
      pass: r.pass,
    })),
    ...(x.impact
      ? {
          impact: {
            before: x.impact.state,
            after: x.state,
            neighbourBuildings: x.impact.neighbours,
            windows: x.impact.receivers,
            casters: x.impact.casters,
            compared: x.impact.impact.compared,
            worsened: x.impact.impact.worsened.map((e) => ({ ...e, before: r4(e.before), after: r4(e.after) })),
            newlyFailing: x.impact.impact.newlyFailing.map((e) => ({ ...e, before: r4(e.before), after: r4(e.after) })),
            improved: x.impact.impact.improved.length,
          },
        }
      : {}),
  };
}

/** JSON would write NaN as null; a result with one must fail loudly instead. */
export function formatReport(report: ReturnType<typeof buildReport>): string {
  return `${JSON.stringify(report, (k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`result: non-finite number at "${k}"`);
    return v;
  }, 1)}\n`;
}

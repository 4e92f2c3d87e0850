/**
 * 控规 plots (地块) from the zone's land-use blocks and landmark sites. A landmark site (a temple
 * compound, a water works) is a plot of its own and is cut out of the block it lies in, so no
 * ground is counted twice. Codes: the zone prefix plus the block code (JD-B-22); sites, which have
 * OSM ids instead of codes, are numbered by id: XH-A-S01.
 */
import type { LandUseClass } from '../../core/landUse';
import { normaliseRing, polygonArea, ringBounds, subtract, type PolygonRings } from '../../analysis/planning/polygon';
import type { Bilingual, Plot, Ring } from '../../analysis/planning/types';
import { pointInRing, ringEdgeDistance } from '../zones/geom/planar';
import type { PlanRules } from './planRules';
import { plotLimits, type LimitsOrigin } from './plotLimits';

export interface PlanBlock {
  /** Land-use block code, or the OSM id of a landmark site. */
  code: string;
  kind: 'landuse' | 'site';
  landUse: LandUseClass;
  name: Bilingual;
  ring: Ring;
}

export interface DerivedPlots {
  plots: Plot[];
  /** How each plot's limits were made, by plot id (for tests and the README's counts). */
  origins: Record<string, LimitsOrigin>;
  /** Pieces of blocks split in two by a site, dropped except the largest, m² in all. */
  droppedAreaM2: number;
}

export function plotIdOf(blockCode: string): string {
  return `plot:${blockCode}`;
}

function boundsOverlap(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

function nearAny(ring: Ring, targets: readonly Ring[], withinM: number): boolean {
  return targets.some((t) => pointInRing(ring[0]![0], ring[0]![1], t) || pointInRing(t[0]![0], t[0]![1], ring) || ringEdgeDistance(ring, t) <= withinM);
}

/** The block minus the sites inside it; a block cut in pieces keeps its largest piece. */
function cutSites(block: PlanBlock, sites: readonly PlanBlock[]): { rings: PolygonRings; dropped: number } | null {
  const outer = normaliseRing(block.ring, 'outer');
  const bb = ringBounds(outer);
  const clips = sites.filter((s) => boundsOverlap(bb, ringBounds(s.ring))).map((s): PolygonRings => [normaliseRing(s.ring, 'outer')]);
  if (clips.length === 0) return { rings: [outer], dropped: 0 };
  const pieces = subtract([[outer]], clips)
    .map((p) => [normaliseRing(p[0]!, 'outer'), ...p.slice(1).map((h) => normaliseRing(h, 'hole'))])
    .map((rings) => ({ rings, area: polygonArea(rings[0]!, rings.slice(1)) }))
    .sort((a, b) => b.area - a.area);
  if (pieces.length === 0) return null;
  return { rings: pieces[0]!.rings, dropped: pieces.slice(1).reduce((n, p) => n + p.area, 0) };
}

export function derivePlots(rules: PlanRules, blocks: readonly PlanBlock[], coreWater: readonly Ring[]): DerivedPlots {
  const sites = blocks.filter((b) => b.kind === 'site').sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const siteNumber = new Map(sites.map((s, i) => [s.code, i + 1]));
  const out: DerivedPlots = { plots: [], origins: {}, droppedAreaM2: 0 };
  for (const b of blocks) {
    const cut = b.kind === 'landuse' ? cutSites(b, sites) : { rings: [normaliseRing(b.ring, 'outer')], dropped: 0 };
    if (!cut) continue;
    out.droppedAreaM2 += cut.dropped;
    const [ring, ...holes] = cut.rings as [Ring, ...Ring[]];
    const code = b.kind === 'landuse'
      ? `${rules.prefix}-${b.code}`
      : `${rules.prefix}-${b.landUse}-S${String(siteNumber.get(b.code)).padStart(2, '0')}`;
    const { limits, origin } = plotLimits(rules, b.landUse, b.code, nearAny(ring, coreWater, rules.core.withinM));
    const id = plotIdOf(b.code);
    out.origins[id] = origin;
    out.plots.push({
      id,
      code,
      blockCode: b.code,
      landUse: b.landUse,
      name: b.name,
      ring,
      ...(holes.length > 0 ? { holes } : {}),
      limits,
      schemeIds: [],
    });
  }
  const unknown = Object.keys(rules.overrides).filter((c) => !blocks.some((b) => b.code === c));
  if (unknown.length > 0) throw new Error(`plan.json overrides name unknown block(s): ${unknown.join(', ')}`);
  return out;
}

/**
 * The planning layers of one zone (规划一张图): 控规 plots with their limits, the four control
 * lines, the redevelopment sites with the buildings standing on them, and the shipped schemes.
 * Built from the same validated sources and assembled ZoneInput as the 3D tiles, so plots, lines
 * and buildings line up with what the viewer draws.
 */
import { EXISTING_STATE, type Site, type ZonePlan } from '../../analysis/planning/types';
import type { ZoneInput } from '../types';
import { landmarkLayers } from '../zones/buildings/landmarkBuildings';
import { ZoneProjection } from '../zones/project';
import type { ZoneSources } from '../zones/readSources';
import { areaLines, redLines } from './controlLines';
import { derivePlots, plotIdOf, type PlanBlock } from './derivePlots';
import type { PlanSources } from './planRules';
import { purpleLines } from './purpleLines';
import { readShippedScheme, schemeBuildingInputs } from './shippedSchemes';
import { existingOnPlot } from './siteExisting';
import type { ZonePlanInput } from './types';

function planBlocks(src: ZoneSources, proj: ZoneProjection): PlanBlock[] {
  const sites = landmarkLayers(src.landmarks, proj, src.generator).sites;
  return [
    ...src.landuse.features.map((f): PlanBlock => ({
      code: f.properties.code,
      kind: 'landuse',
      landUse: f.properties.class,
      name: { zh: f.properties.name, en: f.properties['name:en'] },
      ring: proj.ring(f.geometry.coordinates[0]!),
    })),
    ...sites.map((s): PlanBlock => ({ code: s.osmId, kind: 'site', landUse: s.landUse, name: { zh: s.name, en: s.nameEn }, ring: s.ring })),
  ];
}

export function assemblePlan(zoneId: string, src: ZoneSources, zone: ZoneInput, planSrc: PlanSources): ZonePlanInput {
  const { rules } = planSrc;
  const proj = new ZoneProjection(src.scene.origin);
  const coreWater = src.water.features
    .filter((f) => rules.core.water.includes(f.properties.name))
    .map((f) => proj.ring(f.geometry.coordinates[0]!));
  if (coreWater.length !== rules.core.water.length) {
    throw new Error(`tiles/${zoneId}/plan.json: core.water names ${rules.core.water.join(', ')}, but water.geojson has ${coreWater.length} of them`);
  }
  const { plots } = derivePlots(rules, planBlocks(src, proj), coreWater);
  const plotById = new Map(plots.map((p) => [p.id, p]));

  const sites: Site[] = rules.sites.map((s) => {
    const plot = plotById.get(plotIdOf(s.block));
    if (!plot) throw new Error(`tiles/${zoneId}/plan.json: site "${s.id}" names unknown block "${s.block}"`);
    return { id: s.id, plotId: plot.id, name: s.name, existing: existingOnPlot(plot, zone.buildings) };
  });

  const schemes = planSrc.schemes.map((f) => readShippedScheme(f, {
    origin: src.scene.origin,
    bounds: src.scene.bounds,
    siteIds: sites.map((s) => s.id),
  }));
  for (const s of schemes) {
    if (s.id === EXISTING_STATE) throw new Error(`tiles/${zoneId}/schemes: "${EXISTING_STATE}" is reserved for today's buildings`);
    const site = sites.find((x) => x.id === s.siteId)!;
    plotById.get(site.plotId)!.schemeIds.push(s.id);
  }

  const plan: ZonePlan = {
    version: 1,
    zoneId,
    illustrative: true,
    plots,
    controlLines: [
      ...redLines(zone.roads, zone.ground),
      ...areaLines('green', src.green, proj),
      ...areaLines('blue', src.water, proj),
      ...purpleLines(src.landmarks, proj, rules.purpleLineMarginM),
    ],
    sites,
    schemes,
  };
  return { plan, schemeTilesets: schemes.map((s) => ({ schemeId: s.id, buildings: schemeBuildingInputs(s) })) };
}

/**
 * A zone's inputs for the sunlight CLI: the scene (origin, bounds), the built plan.json and
 * footprints.json, validated with the same readers the browser uses. When the zone has not been
 * built (no public/tiles/<zone>/plan/), the tiler's loader assembles the same data in memory, so
 * the CLI works on a fresh checkout without `npm run tiles`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseZonePlan } from '../analysis/planning/planSchema';
import { roundPlan } from '../tiler/plan/writeZonePlan';
import type { ZonePlan } from '../analysis/planning/types';
import { parseZoneFootprints, ZONE_FOOTPRINTS_FILE, type ZoneFootprints } from '../analysis/sunlight/zoneFootprints';
import type { Scene } from '../scene/schema';
import { parseSceneText } from '../scene/validate';
import { prepareBuildings } from '../tiler/lod/prepareBuildings';
import { zoneFootprints } from '../tiler/plan/zoneFootprintsFile';
import { loadZoneInput } from '../tiler/zones';
import { UsageError } from './args';

export interface ZoneData {
  scene: Scene;
  plan: ZonePlan;
  footprints: ZoneFootprints;
  /** 'built' when read from public/tiles, 'assembled' when the loader built it in memory. */
  from: 'built' | 'assembled';
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** `assemble` skips the built files (tests compare both paths). */
export async function loadZoneData(root: string, zoneId: string, opts: { assemble?: boolean } = {}): Promise<ZoneData> {
  const scenePath = join(root, 'scenes', `${zoneId}.json`);
  const sceneText = await readOptional(scenePath);
  if (sceneText === null) throw new UsageError(`${scenePath}: no such scene file`);
  const sr = parseSceneText(scenePath, sceneText);
  if (!sr.ok) throw new UsageError(`${scenePath}: ${sr.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`);

  const dir = join(root, 'public', 'tiles', zoneId);
  const planText = await readOptional(join(dir, 'plan', 'plan.json'));
  const fpText = await readOptional(join(dir, ZONE_FOOTPRINTS_FILE));
  if (planText !== null && fpText !== null && !opts.assemble) {
    const p = parseZonePlan(planText, zoneId);
    if (!p.ok) throw new UsageError(`${join(dir, 'plan', 'plan.json')}: ${p.message}`);
    const f = parseZoneFootprints(fpText, zoneId);
    if (!f.ok) throw new UsageError(`${join(dir, ZONE_FOOTPRINTS_FILE)}: ${f.message}`);
    return { scene: sr.scene, plan: p.plan, footprints: f.footprints, from: 'built' };
  }
  const zone = await loadZoneInput(zoneId, root);
  if (!zone.plan) throw new UsageError(`zone "${zoneId}" has no planning layers (tiles/${zoneId}/plan.json)`);
  return {
    scene: sr.scene,
    plan: roundPlan(zone.plan.plan),
    footprints: zoneFootprints(zone, prepareBuildings(zone.buildings).buildings),
    from: 'assembled',
  };
}

/**
 * Zone assembly entry points for the tiler CLI. A zone's origin comes from scenes/<zone>.json (the
 * single source of truth); everything else from the committed sources under tiles/<zone>/.
 */
import type { ZoneInput } from '../types';
import { assembleZone, type ZoneStats } from './assembleZone';
import { readZoneSources } from './readSources';
import { assemblePlan } from '../plan/assemblePlan';
import { readPlanSources } from '../plan/planRules';

export const ZONE_IDS = ['jiading', 'westbund', 'yangpu'] as const;
export type ZoneId = (typeof ZONE_IDS)[number];

export function isZoneId(v: string): v is ZoneId {
  return (ZONE_IDS as readonly string[]).includes(v);
}

/** Like loadZoneInput, plus counts for logs and tests. */
export async function loadZone(zoneId: string, repoRoot: string): Promise<{ input: ZoneInput; stats: ZoneStats }> {
  if (!isZoneId(zoneId)) throw new Error(`unknown zone "${zoneId}" (known: ${ZONE_IDS.join(', ')})`);
  const src = await readZoneSources(repoRoot, zoneId);
  const { input, stats } = assembleZone(zoneId, src);
  const planSrc = await readPlanSources(repoRoot, zoneId);
  return { input: planSrc ? { ...input, plan: assemblePlan(zoneId, src, input, planSrc) } : input, stats };
}

export async function loadZoneInput(zoneId: string, repoRoot: string): Promise<ZoneInput> {
  return (await loadZone(zoneId, repoRoot)).input;
}

export type { ZoneStats } from './assembleZone';

/**
 * Zone assembly entry points for the tiler CLI. A zone's origin comes from scenes/<zone>.json (the
 * single source of truth); everything else from the committed sources under tiles/<zone>/.
 * Optional zones (the synthetic city-scale test zone) are built only when named with --zone.
 */
import type { ZoneInput } from '../types';
import { assembleZone, type ZoneStats } from './assembleZone';
import { readZoneSources, type ZoneSources } from './readSources';
import { assemblePlan } from '../plan/assemblePlan';
import { readPlanSources } from '../plan/planRules';
import { readSyntheticCitySources, SYNTHETIC_CITY_ZONE, type SyntheticCityOptions } from './synthetic/syntheticSources';

/** The zones `npm run tiles` (and so `npm start`) builds. */
export const ZONE_IDS = ['jiading', 'westbund', 'yangpu'] as const;
export type ZoneId = (typeof ZONE_IDS)[number];
/** Built only on request: `npm run tiles -- --zone synthetic-city`. */
export const OPTIONAL_ZONE_IDS = [SYNTHETIC_CITY_ZONE] as const;
export const KNOWN_ZONE_IDS: readonly string[] = [...ZONE_IDS, ...OPTIONAL_ZONE_IDS];

export function isZoneId(v: string): v is ZoneId {
  return (ZONE_IDS as readonly string[]).includes(v);
}

export interface LoadZoneOptions {
  /** The synthetic city's side in metres, for quick or test builds. */
  syntheticCity?: SyntheticCityOptions;
}

async function readSources(zoneId: string, repoRoot: string, options: LoadZoneOptions): Promise<ZoneSources> {
  if (zoneId === SYNTHETIC_CITY_ZONE) return readSyntheticCitySources(repoRoot, options.syntheticCity);
  if (!isZoneId(zoneId)) throw new Error(`unknown zone "${zoneId}" (known: ${KNOWN_ZONE_IDS.join(', ')})`);
  return readZoneSources(repoRoot, zoneId);
}

/** Like loadZoneInput, plus counts for logs and tests. */
export async function loadZone(zoneId: string, repoRoot: string, options: LoadZoneOptions = {}): Promise<{ input: ZoneInput; stats: ZoneStats }> {
  const src = await readSources(zoneId, repoRoot, options);
  const { input, stats } = assembleZone(zoneId, src);
  const planSrc = await readPlanSources(repoRoot, zoneId);
  return { input: planSrc ? { ...input, plan: assemblePlan(zoneId, src, input, planSrc) } : input, stats };
}

export async function loadZoneInput(zoneId: string, repoRoot: string, options: LoadZoneOptions = {}): Promise<ZoneInput> {
  return (await loadZone(zoneId, repoRoot, options)).input;
}

export type { ZoneStats } from './assembleZone';

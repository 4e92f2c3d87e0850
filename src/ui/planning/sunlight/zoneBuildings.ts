/**
 * The zone's buildings at full detail for the sunlight analysis: plan/footprints.json beside the
 * zone's building index (written by the tiler), validated, fetched once per zone and kept for the
 * next run. The casters never come from the streamed tiles, whose level of detail follows the
 * camera; a failed fetch is forgotten so the next run tries again.
 */
import { assetUrl } from '../../../app/assetUrl';
import { parseZoneFootprints, ZONE_FOOTPRINTS_FILE } from '../../../analysis/sunlight/zoneFootprints';
import type { Scene } from '../../../scene/schema';
import { fromFootprint, type CityBuilding } from './analysisInputs';

const cache = new Map<string, Promise<CityBuilding[]>>();

export function footprintsUrlOf(scene: Pick<Scene, 'buildingIndexUrl'>): string {
  return `${scene.buildingIndexUrl.replace(/[^/]*$/, '')}${ZONE_FOOTPRINTS_FILE}`;
}

export function loadZoneBuildings(scene: Pick<Scene, 'id' | 'buildingIndexUrl'>, fetchFn: typeof fetch = fetch): Promise<CityBuilding[]> {
  const url = assetUrl(footprintsUrlOf(scene));
  const hit = cache.get(url);
  if (hit) return hit;
  const p = (async () => {
    const res = await fetchFn(url);
    if (!res.ok) throw new Error(`${footprintsUrlOf(scene)}: HTTP ${res.status}`);
    const r = parseZoneFootprints(await res.text(), scene.id);
    if (!r.ok) throw new Error(r.message);
    return r.footprints.buildings.map(fromFootprint);
  })();
  cache.set(url, p);
  p.catch(() => cache.delete(url));
  return p;
}

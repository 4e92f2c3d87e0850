/**
 * The zone's BIM floor file (<tiles>/bim/floors.json, beside the building index), fetched once
 * per zone when the planner first selects a building. A zone without CIM5 buildings has no file
 * (404): that is "no BIM model", not an error. A file that fails validation, or a fetch that fails
 * otherwise, is an error the panel shows and counts; it is forgotten so that a reload retries.
 */
import { BIM_FLOORS_FILE, readBimFloors, type BimFloorsFile } from '../../../analysis/bim/bimFloorsFile';
import type { Scene } from '../../../scene/schema';

export type BimFloorsLoad =
  | { status: 'ok'; file: BimFloorsFile }
  | { status: 'none' }
  | { status: 'error'; source: string; message: string };

export type LoadBimFloors = (scene: Pick<Scene, 'id' | 'buildingIndexUrl'>) => Promise<BimFloorsLoad>;

export function bimFloorsPathOf(scene: Pick<Scene, 'buildingIndexUrl'>): string {
  return `${scene.buildingIndexUrl.replace(/[^/]*$/, '')}${BIM_FLOORS_FILE}`;
}

/**
 * Resolved against the app's base URL as src/app/assetUrl does; repeated here because src/ui does
 * not import from src/app.
 */
function resolve(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  return import.meta.env.BASE_URL + path.replace(/^\/+/, '');
}

const cache = new Map<string, Promise<BimFloorsLoad>>();

async function fetchFloors(path: string, zoneId: string, fetchFn: typeof fetch): Promise<BimFloorsLoad> {
  let res: Response;
  try {
    res = await fetchFn(resolve(path));
  } catch (e) {
    return { status: 'error', source: path, message: e instanceof Error ? e.message : String(e) };
  }
  if (res.status === 404) return { status: 'none' };
  if (!res.ok) return { status: 'error', source: path, message: `HTTP ${res.status}` };
  let raw: unknown;
  try {
    raw = await res.json();
  } catch (e) {
    return { status: 'error', source: path, message: `floors.json: invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const r = readBimFloors(raw, zoneId);
  return r.ok ? { status: 'ok', file: r.file } : { status: 'error', source: path, message: r.message };
}

export function loadBimFloors(scene: Pick<Scene, 'id' | 'buildingIndexUrl'>, fetchFn: typeof fetch = fetch): Promise<BimFloorsLoad> {
  const path = bimFloorsPathOf(scene);
  const hit = cache.get(path);
  if (hit) return hit;
  const p = fetchFloors(path, scene.id, fetchFn);
  cache.set(path, p);
  void p.then((r) => {
    if (r.status === 'error') cache.delete(path);
  });
  return p;
}

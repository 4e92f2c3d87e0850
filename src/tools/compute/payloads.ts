/**
 * Geometry a tool's result carries beyond its few numbers: a viewshed's grid of cells, a
 * skyline's profiles, each sight line's segments, a height limit's list of buildings. Too large
 * or too typed for the store (which keeps plain, small data and goes into links and exports), so
 * they live here, keyed by result id, and are dropped with their result. The key 'live' holds the
 * payload of the active tool's preview, before it becomes a result.
 */
import type { HeightLimitShaderParams } from '../../analysis/heightLimit/shaderParams';
import type { HeightLimitReport } from '../../analysis/heightLimit/types';
import type { ProfileComparison, SightLineResult, SkylineProfile, ViewshedResult } from '../../analysis/visibility';

export type ToolPayload =
  | { kind: 'sight-line'; lines: SightLineResult[]; observer: [number, number, number] }
  | { kind: 'viewshed'; result: ViewshedResult }
  | { kind: 'skyline'; profile: SkylineProfile; existing: SkylineProfile | null; comparison: ProfileComparison | null }
  | { kind: 'height-limit'; report: HeightLimitReport; shader: HeightLimitShaderParams | null; ring: [number, number][] };

export const LIVE_PAYLOAD = 'live';

const payloads = new Map<string, ToolPayload>();
const listeners = new Set<() => void>();
let version = 0;

export function setToolPayload(id: string, payload: ToolPayload | null): void {
  if (payload) payloads.set(id, payload);
  else if (!payloads.delete(id)) return;
  version++;
  for (const l of listeners) l();
}

export function getToolPayload(id: string | null | undefined): ToolPayload | null {
  return id ? (payloads.get(id) ?? null) : null;
}

/** Keeps only the payloads of these result ids (and the live one). */
export function retainToolPayloads(ids: Iterable<string>): void {
  const keep = new Set(ids);
  keep.add(LIVE_PAYLOAD);
  let changed = false;
  for (const k of [...payloads.keys()]) {
    if (!keep.has(k)) {
      payloads.delete(k);
      changed = true;
    }
  }
  if (changed) {
    version++;
    for (const l of listeners) l();
  }
}

/** For React's useSyncExternalStore: subscribe, and a snapshot that changes with every write. */
export function subscribeToolPayloads(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function toolPayloadsVersion(): number {
  return version;
}

/**
 * Next arrivals at each bus stop, from the connected buses' own predictions (each bus reports its
 * next stops with an ETA). An ETA is counted down from the report's time at the feed's time scale,
 * so it stays right between reports; predictions for a stale bus are left out.
 */
export interface Arrival {
  vehicleId: string;
  lineId: string;
  /** Seconds of feed time until arrival, ≥ 0. */
  etaS: number;
}

export interface LineSource {
  highWater: number;
  alive: ArrayLike<number>;
  stale: ArrayLike<number>;
  ids: readonly (string | null)[];
  lines: readonly ({ id: string; nextStops: { stopId: string; etaS: number }[]; ts: number } | null)[];
}

/** A prediction overdue by more than this is dropped: the bus has passed or the report is wrong. */
export const OVERDUE_DROP_S = 60;
export const ARRIVALS_PER_STOP = 3;

export function stopArrivals(v: LineSource, serverNowMs: number, timeScale: number): Map<string, Arrival[]> {
  const out = new Map<string, Arrival[]>();
  for (let i = 0; i < v.highWater; i++) {
    const line = v.lines[i];
    const id = v.ids[i];
    if (!v.alive[i] || v.stale[i] || !line || !id) continue;
    const elapsedS = ((serverNowMs - line.ts) / 1000) * timeScale;
    for (const ns of line.nextStops) {
      const eta = ns.etaS - Math.max(0, elapsedS);
      if (!Number.isFinite(eta) || eta < -OVERDUE_DROP_S) continue;
      const list = out.get(ns.stopId) ?? [];
      list.push({ vehicleId: id, lineId: line.id, etaS: Math.max(0, eta) });
      out.set(ns.stopId, list);
    }
  }
  for (const [k, list] of out) {
    list.sort((a, b) => a.etaS - b.etaS || a.vehicleId.localeCompare(b.vehicleId));
    if (list.length > ARRIVALS_PER_STOP) out.set(k, list.slice(0, ARRIVALS_PER_STOP));
  }
  return out;
}

export const STOP_COLOR = '#93c5fd';
export const MIN_STOP_PX = 8;
export const STOP_SIZE_M = 6;

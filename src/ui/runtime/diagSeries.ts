/**
 * The diagnostics panel's series from the watchdog's history: times, values (null where the
 * browser gives nothing, drawn as a gap) and the latest value as text with its unit.
 */
import type { HealthSample } from '../../runtime/watchdogTypes';

export type DiagSeriesId = 'heap' | 'gpu' | 'cache' | 'dom' | 'ours' | 'frame' | 'feed';

const MIB = 2 ** 20;

const PICK: Record<DiagSeriesId, (s: HealthSample) => number | null> = {
  heap: (s) => (s.heapBytes === null ? null : s.heapBytes / MIB),
  gpu: (s) => s.geometries + s.textures + s.programs,
  cache: (s) => s.tileCacheBytes / MIB,
  dom: (s) => s.domNodes,
  ours: (s) => s.listeners + s.timers,
  frame: (s) => s.frameMsP95,
  feed: (s) => (s.feedAgeMs === null ? null : s.feedAgeMs / 1000),
};

function latestText(id: DiagSeriesId, s: HealthSample): string | null {
  switch (id) {
    case 'heap':
      return s.heapBytes === null ? null : `${(s.heapBytes / MIB).toFixed(0)} MiB`;
    case 'gpu':
      return `${s.geometries} + ${s.textures} + ${s.programs}`;
    case 'cache':
      return `${(s.tileCacheBytes / MIB).toFixed(1)} MiB`;
    case 'dom':
      return String(s.domNodes);
    case 'ours':
      return `${s.listeners} / ${s.timers}`;
    case 'frame':
      return s.frameMsP95 === null ? null : `${s.frameMsP95} ms`;
    case 'feed':
      return s.feedAgeMs === null ? null : `${(s.feedAgeMs / 1000).toFixed(1)} s`;
  }
}

export function seriesOf(history: readonly HealthSample[], id: DiagSeriesId): { t: number[]; v: (number | null)[]; latest: string | null } {
  const pick = PICK[id];
  const last = history[history.length - 1];
  return { t: history.map((s) => s.atMs), v: history.map(pick), latest: last ? latestText(id, last) : null };
}

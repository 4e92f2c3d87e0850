/**
 * The real engine behind the worker host: the BVH is built once per job from the caster arrays,
 * and engine.ts `chunkedRun` counts the receivers, yielding to the host between chunks.
 */
import { bvhFromArrays, type CasterIndex } from '../casters';
import { chunkedRun } from '../engine';
import type { HostEngine } from './SunlightWorkerHost';

export const hostEngine: HostEngine<CasterIndex> = {
  prepare: (arrays) => bvhFromArrays(arrays),
  run: async (m, casters, hooks) => {
    const r = await chunkedRun(
      {
        receivers: m.receivers, casters, profile: m.profile, latDeg: m.latDeg, lonDeg: m.lonDeg, year: m.year,
        chunkSize: m.chunkSize, onProgress: hooks.onProgress, shouldCancel: hooks.shouldCancel,
      },
      hooks.yieldNow,
    );
    // The geometry is the worker's own copy; release it now rather than at the next GC.
    casters.geometry.dispose();
    return { rows: r.receivers, cancelled: r.cancelled };
  },
};

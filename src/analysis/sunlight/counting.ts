/**
 * From a per-step lit mask to hours. Cumulative (累计) rules add the lit segments, each counted
 * only if it lasts at least the shortest counted segment (short flickers between obstacles are not
 * usable sunlight); continuous (连续) rules take the longest single segment.
 */
import type { Profile } from './profiles';

export interface SunlightCount {
  /** The profile's measure, hours. */
  hours: number;
  longestContinuousH: number;
  pass: boolean;
}

/** Absorbs float noise in `steps × stepMin / 60` against a whole-hour threshold. */
const EPS_H = 1e-9;

export function countLit(mask: Uint8Array, n: number, profile: Pick<Profile, 'mode' | 'minHours' | 'minSegmentMin' | 'stepMin'>): SunlightCount {
  let run = 0;
  let longest = 0;
  let counted = 0;
  const minRunSteps = profile.minSegmentMin / profile.stepMin - EPS_H;
  for (let k = 0; k <= n; k++) {
    if (k < n && mask[k]) {
      run++;
      continue;
    }
    if (run > longest) longest = run;
    if (run > 0 && run >= minRunSteps) counted += run;
    run = 0;
  }
  const toH = profile.stepMin / 60;
  const longestContinuousH = longest * toH;
  const hours = profile.mode === 'continuous' ? longestContinuousH : counted * toH;
  return { hours, longestContinuousH, pass: hours >= profile.minHours - EPS_H };
}

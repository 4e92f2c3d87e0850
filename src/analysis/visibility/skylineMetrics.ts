/**
 * Numbers from skyline profiles: existing vs scheme comparison, sky share and sky-view factor.
 * Areas are in the azimuth × elevation plane (deg²), integrated with the trapezoid rule: each
 * sample of a 360° profile weighs one step, the two edge samples of a sector half a step each, so
 * the weights add up to the field of view's width.
 */
import { wrap360 } from './angles';
import { VisibilityInputError } from './errors';
import type { SkylineProfile } from './skyline';

/** A run of consecutive samples where the scheme's skyline is above (or below) the existing one. */
export interface SkylineRun {
  /** First and last sample, inclusive; on a 360° profile a run may wrap (start > end). */
  startIndex: number;
  endIndex: number;
  fromAzimuthDeg: number;
  toAzimuthDeg: number;
  /** Largest |difference| in the run, degrees. */
  maxDiffDeg: number;
  areaDeg2: number;
}

export interface ProfileComparison {
  /** Per sample: scheme − existing, degrees. */
  diffDeg: Float64Array;
  /** Area where the scheme's skyline is higher, deg². */
  higherAreaDeg2: number;
  /** Area where it is lower, deg². */
  lowerAreaDeg2: number;
  /** Area between the two lines: higher + lower, deg². */
  areaBetweenDeg2: number;
  higher: SkylineRun[];
  lower: SkylineRun[];
  /** Differences at or below this were treated as equal, degrees. */
  thresholdDeg: number;
}

/** Trapezoid weight of sample k, degrees of azimuth. */
export function sampleWeightDeg(p: SkylineProfile, k: number): number {
  if (p.full360) return p.stepDeg;
  return k === 0 || k === p.count - 1 ? p.stepDeg / 2 : p.stepDeg;
}

function sameSampling(a: SkylineProfile, b: SkylineProfile): boolean {
  const eps = 1e-9;
  const dStart = Math.abs(wrap360(a.startAzimuthDeg - b.startAzimuthDeg + 180) - 180);
  return a.count === b.count && a.full360 === b.full360 && Math.abs(a.stepDeg - b.stepDeg) < eps && dStart < eps;
}

function runsOf(p: SkylineProfile, diff: Float64Array, sign: 1 | -1, threshold: number): SkylineRun[] {
  const n = diff.length;
  const on = (k: number): boolean => sign * diff[k]! > threshold;
  const runs: SkylineRun[] = [];
  for (let k = 0; k < n; k++) {
    if (!on(k) || (k > 0 && on(k - 1))) continue;
    let e = k;
    while (e + 1 < n && on(e + 1)) e++;
    runs.push({ startIndex: k, endIndex: e, fromAzimuthDeg: 0, toAzimuthDeg: 0, maxDiffDeg: 0, areaDeg2: 0 });
  }
  // All around, a run through the last sample continues at the first.
  if (p.full360 && runs.length > 1 && runs[0]!.startIndex === 0 && runs[runs.length - 1]!.endIndex === n - 1) {
    const last = runs.pop()!;
    runs[0]!.startIndex = last.startIndex;
  }
  for (const r of runs) {
    r.fromAzimuthDeg = p.azimuthDeg[r.startIndex]!;
    r.toAzimuthDeg = p.azimuthDeg[r.endIndex]!;
    const len = (r.endIndex - r.startIndex + n) % n + 1;
    for (let i = 0; i < len; i++) {
      const k = (r.startIndex + i) % n;
      const d = sign * diff[k]!;
      r.maxDiffDeg = Math.max(r.maxDiffDeg, d);
      r.areaDeg2 += d * sampleWeightDeg(p, k);
    }
  }
  return runs;
}

/**
 * Existing vs scheme, sampled alike (same viewpoint, field and step). `thresholdDeg` defaults to
 * the larger bisection tolerance of the two: smaller differences are not resolved.
 */
export function compareProfiles(existing: SkylineProfile, scheme: SkylineProfile, thresholdDeg?: number): ProfileComparison {
  if (!sameSampling(existing, scheme)) throw new VisibilityInputError('scheme', 'profiles must share field of view, start azimuth and step');
  const threshold = thresholdDeg ?? Math.max(existing.toleranceDeg, scheme.toleranceDeg);
  if (!Number.isFinite(threshold) || threshold < 0) throw new VisibilityInputError('thresholdDeg', `must be a finite number ≥ 0, got ${threshold}`);
  const n = existing.count;
  const diffDeg = new Float64Array(n);
  let higher = 0, lower = 0;
  for (let k = 0; k < n; k++) {
    const d = scheme.elevationDeg[k]! - existing.elevationDeg[k]!;
    diffDeg[k] = d;
    const w = sampleWeightDeg(existing, k);
    if (d > 0) higher += d * w;
    else lower -= d * w;
  }
  return {
    diffDeg, higherAreaDeg2: higher, lowerAreaDeg2: lower, areaBetweenDeg2: higher + lower,
    higher: runsOf(existing, diffDeg, 1, threshold), lower: runsOf(existing, diffDeg, -1, threshold), thresholdDeg: threshold,
  };
}

/** Share of the field of view (azimuth × elevation 0–90°, deg²) above the skyline: 1 = all sky. */
export function skyShare(p: SkylineProfile): number {
  let covered = 0, width = 0;
  for (let k = 0; k < p.count; k++) {
    const w = sampleWeightDeg(p, k);
    covered += w * p.elevationDeg[k]!;
    width += w;
  }
  return width > 0 ? 1 - covered / (90 * width) : 1;
}

/**
 * Sky-view factor of a horizontal surface at the viewpoint, from a 360° profile:
 * SVF = 1 − (1/n) Σ sin²(hᵢ) over n evenly spaced azimuths (Johnson & Watson 1984; Oke 1987).
 */
export function skyViewFactor(p: SkylineProfile): number {
  if (!p.full360) throw new VisibilityInputError('profile', 'the sky-view factor needs a 360° profile');
  let s = 0;
  for (let k = 0; k < p.count; k++) {
    const h = (p.elevationDeg[k]! * Math.PI) / 180;
    s += Math.sin(h) ** 2;
  }
  return 1 - s / p.count;
}

/**
 * Least-squares line through a counter's samples, and the warm-up rule the soak tool and the
 * accelerated soak test share. Pure: no browser, no clock.
 */

export interface LineFit {
  /** Units of y per unit of x. */
  slope: number;
  intercept: number;
  /** Points used (pairs with a non-finite x or y are skipped). */
  n: number;
  /** Coefficient of determination, 0..1; 1 when every y is equal (nothing left to explain). */
  r2: number;
  /** Standard error of the slope; NaN with fewer than 3 points. */
  slopeStdErr: number;
}

/** Ordinary least squares y = slope·x + intercept; null with fewer than 2 usable points or all x equal. */
export function linearFit(xs: readonly number[], ys: readonly number[]): LineFit | null {
  const px: number[] = [];
  const py: number[] = [];
  const len = Math.min(xs.length, ys.length);
  for (let i = 0; i < len; i++) {
    const x = xs[i]!, y = ys[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      px.push(x);
      py.push(y);
    }
  }
  const n = px.length;
  if (n < 2) return null;
  // Centred sums: counters are large (heap bytes ~1e8) and times long (1e4 s); raw sums would lose digits.
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += px[i]!;
    my += py[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = px[i]! - mx, dy = py[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = py[i]! - (slope * px[i]! + intercept);
    sse += r * r;
  }
  const r2 = syy === 0 ? 1 : Math.max(0, 1 - sse / syy);
  const slopeStdErr = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Number.NaN;
  return { slope, intercept, n, r2, slopeStdErr };
}

export interface WarmupRule {
  /** Seconds from the start that are left out of the fits. */
  cutoffS: number;
  /** Which rule decided: the share of the run, or the floor. */
  rule: 'fraction' | 'floor';
  /** Human-readable, for the summary: e.g. "first 10 % (6.0 min)" or "first 5.0 min (floor)". */
  text: string;
}

export interface WarmupOptions {
  /** Share of the run left out, default 0.1. */
  fraction?: number;
  /** At least this many seconds left out, default 300. */
  floorS?: number;
}

/**
 * Warm-up: the first 10 % of the run or 5 minutes, whichever is larger. Tiles stream, shaders
 * compile and caches fill at the start; a slope taken over that would report a leak that is not one.
 */
export function warmupCutoff(totalS: number, o: WarmupOptions = {}): WarmupRule {
  const fraction = o.fraction ?? 0.1;
  const floorS = o.floorS ?? 300;
  const byFraction = Math.max(0, totalS) * fraction;
  const pct = `${Math.round(fraction * 1000) / 10} %`;
  if (byFraction >= floorS) return { cutoffS: byFraction, rule: 'fraction', text: `first ${pct} (${(byFraction / 60).toFixed(1)} min)` };
  return { cutoffS: floorS, rule: 'floor', text: `first ${(floorS / 60).toFixed(1)} min (floor; ${pct} of the run is less)` };
}

/** Slope of y over x after `fromX`, per `perX` units of x (e.g. 3600 for per hour with x in seconds). */
export function slopeAfter(xs: readonly number[], ys: readonly number[], fromX: number, perX = 1): { fit: LineFit | null; perUnit: number | null } {
  const fx: number[] = [];
  const fy: number[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    if (xs[i]! >= fromX) {
      fx.push(xs[i]!);
      fy.push(ys[i]!);
    }
  }
  const fit = linearFit(fx, fy);
  return { fit, perUnit: fit ? fit.slope * perX : null };
}

/**
 * Theil–Sen slope: the median of the slopes through every pair of points. A short soak window
 * holds transients (an alarm card mounted at the last sample, the tour's next stop streaming in);
 * one such point swings a least-squares slope far more than the median of pairs, while a steady
 * leak moves every pair alike. Null with fewer than 2 usable points or all x equal.
 */
export function theilSenSlope(xs: readonly number[], ys: readonly number[]): number | null {
  const slopes: number[] = [];
  const len = Math.min(xs.length, ys.length);
  for (let i = 0; i < len; i++) {
    for (let j = i + 1; j < len; j++) {
      const dx = xs[j]! - xs[i]!, dy = ys[j]! - ys[i]!;
      if (dx !== 0 && Number.isFinite(dx) && Number.isFinite(dy)) slopes.push(dy / dx);
    }
  }
  if (slopes.length === 0) return null;
  slopes.sort((a, b) => a - b);
  const m = slopes.length >> 1;
  return slopes.length % 2 ? slopes[m]! : (slopes[m - 1]! + slopes[m]!) / 2;
}

/** Small statistics for benchmark tables: medians and percentiles over runs. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function shareOver(values: readonly number[], limit: number): number {
  return values.length ? values.filter((v) => v > limit).length / values.length : Number.NaN;
}

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

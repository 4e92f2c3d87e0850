/**
 * Colours of sunlight hours, shared by the facade windows, the ground heat map, the legend and the
 * report: 0 h red, rising to orange just under the standard; amber at the standard, rising to
 * green at the full window. The ramp steps at the standard on purpose, so a window that fails by
 * a minute never looks like one that passes by a minute.
 */
export type Rgb = [number, number, number];

export const SUNLIGHT_COLORS = {
  none: '#c62828',
  nearlyFails: '#ef6c00',
  justPasses: '#f9c80e',
  full: '#2e9e44',
  /** Contour lines over the heat map. */
  contour: '#1b2a41',
} as const;

const rgb = (hex: string): Rgb => {
  const v = Number.parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
};

const NONE = rgb(SUNLIGHT_COLORS.none);
const NEAR = rgb(SUNLIGHT_COLORS.nearlyFails);
const PASS = rgb(SUNLIGHT_COLORS.justPasses);
const FULL = rgb(SUNLIGHT_COLORS.full);

const mix = (a: Rgb, b: Rgb, t: number, out: Rgb): Rgb => {
  out[0] = a[0] + (b[0] - a[0]) * t;
  out[1] = a[1] + (b[1] - a[1]) * t;
  out[2] = a[2] + (b[2] - a[2]) * t;
  return out;
};

/**
 * Linear RGB 0..1 of `hours` under a standard of `minHours` over a window of `windowHours`. Writes
 * into `out` (no allocation, so it can fill thousands of instances). Non-finite hours read as 0 h:
 * an unknown result must never look like a pass.
 */
export function hoursColor(hours: number, minHours: number, windowHours: number, out: Rgb = [0, 0, 0]): Rgb {
  const h = Number.isFinite(hours) ? Math.max(0, hours) : 0;
  const std = Number.isFinite(minHours) && minHours > 0 ? minHours : 0;
  const full = Number.isFinite(windowHours) && windowHours > std ? windowHours : std + 1;
  if (h < std) return mix(NONE, NEAR, std > 0 ? h / std : 0, out);
  return mix(PASS, FULL, Math.min(1, (h - std) / (full - std)), out);
}

/** The same colour as "#rrggbb", for the legend and the report. */
export function hoursColorHex(hours: number, minHours: number, windowHours: number): string {
  const c = hoursColor(hours, minHours, windowHours);
  return `#${c.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
}

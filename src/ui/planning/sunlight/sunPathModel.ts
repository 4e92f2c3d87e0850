/**
 * The sun-path diagram's geometry, pure: a polar plot seen from above with north up, altitude 90°
 * at the centre and the horizon on the rim, azimuth clockwise from north. Samples come from
 * shadowStudy.ts (`sunPath`, `hourMarks`); this only maps them to SVG user units.
 */
export interface SunPoint {
  altitudeRad: number;
  azimuthRad: number;
}

export interface PolarFrame {
  cx: number;
  cy: number;
  /** Radius of the horizon circle. */
  r: number;
}

const HALF_PI = Math.PI / 2;

/** SVG coordinates of a sun position (y grows downwards, so north is −y). */
export function polarXY(p: SunPoint, f: PolarFrame): [number, number] {
  const alt = Math.min(HALF_PI, Math.max(0, p.altitudeRad));
  const rr = f.r * (1 - alt / HALF_PI);
  return [f.cx + rr * Math.sin(p.azimuthRad), f.cy - rr * Math.cos(p.azimuthRad)];
}

const fmt = (v: number): string => (Math.round(v * 10) / 10).toString();

/** An SVG path "M x y L x y …" through the samples; empty when there are none or any is not finite. */
export function pathD(points: readonly SunPoint[], f: PolarFrame): string {
  const pts = points.filter((p) => Number.isFinite(p.altitudeRad) && Number.isFinite(p.azimuthRad));
  return pts.map((p, i) => {
    const [x, y] = polarXY(p, f);
    return `${i === 0 ? 'M' : 'L'}${fmt(x)} ${fmt(y)}`;
  }).join(' ');
}

/** The rings of the altitude grid (30° and 60°) and the rim, as radii. */
export function altitudeRings(f: PolarFrame, stepsDeg: readonly number[] = [0, 30, 60]): { altDeg: number; r: number }[] {
  return stepsDeg.map((altDeg) => ({ altDeg, r: f.r * (1 - altDeg / 90) }));
}

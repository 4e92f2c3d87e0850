/** Conversions from simulator units (ENU metres, yaw radians) to wire units (degrees, compass). */
import type { EnuFrame } from '../../core/geodesy';

/** 1e-7° is about 1 cm: enough for lane-level positions, and keeps payloads short. */
export function roundDeg(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** ENU yaw (counter-clockwise from east) → compass heading (clockwise from north), [0, 360). */
export function yawToHeadingDeg(yawRad: number): number {
  const h = 90 - (yawRad * 180) / Math.PI;
  const r = round1(((h % 360) + 360) % 360);
  return r >= 360 ? 0 : r;
}

export function toLonLat(frame: EnuFrame, x: number, y: number): { lonDeg: number; latDeg: number } {
  const g = frame.enuToLonLat(x, y, 0);
  return { lonDeg: roundDeg(g.lonDeg), latDeg: roundDeg(g.latDeg) };
}

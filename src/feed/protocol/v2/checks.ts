/**
 * Hand-written equivalents of the v1 zod rules for the high-rate fields, used where zod per entity
 * would be too slow (the encoder's vehicles, the decoder's columns). Each mirrors a schema in
 * ../entities.ts; the tests check both agree on the values they accept.
 */
import { VEHICLE_CLASSES } from '../../../sim/types';
import type { WireVehicle } from '../entities';
import { MAX_EPOCH_MS, MAX_ID_LENGTH, MIN_EPOCH_MS } from '../limits';

export const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
export const KIND_NAME_PATTERN = /^[a-z0-9_]+$/;
export const ZONE_PATTERN = /^[a-z0-9-]+$/;
export const MAX_KIND_NAME = 32;
export const MAX_UNIT_LENGTH = 16;

/** Byte → 1 when it may appear in an id (A–Z a–z 0–9 _ . : -). */
export const ID_BYTE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-') ID_BYTE[c.charCodeAt(0)] = 1;
/** Byte → 1 when it may appear in a sensor type (a–z 0–9 _). */
export const KIND_BYTE = new Uint8Array(256);
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789_') KIND_BYTE[c.charCodeAt(0)] = 1;

/** idSchema. */
export function isId(x: unknown): x is string {
  return typeof x === 'string' && x.length >= 1 && x.length <= MAX_ID_LENGTH && ID_PATTERN.test(x);
}

/** tsSchema: an integer epoch ms in the accepted window (false for NaN and ±Infinity). */
export function isTs(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= MIN_EPOCH_MS && x <= MAX_EPOCH_MS;
}

/** A finite number in [lo, hi] (false for NaN and ±Infinity). */
export function inRange(x: unknown, lo: number, hi: number): x is number {
  return typeof x === 'number' && x >= lo && x <= hi;
}

export function isIntIn(x: unknown, lo: number, hi: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
}

/** Nearest decimal with `digits` significant digits: the v1 value an f32 column stood for. */
export function fromF32(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

const VEHICLE_CLASS_SET: ReadonlySet<unknown> = new Set(VEHICLE_CLASSES);

/**
 * vehicleSchema for the fields every vehicle has (id, class, position, heading, speed, automation,
 * ts); `idKnown` lets a caller that has seen the id before skip its pattern test. route and line
 * are not checked here: a caller that gets them takes zod's path.
 */
export function isVehicleCore(v: unknown, idKnown?: (id: string) => boolean): v is WireVehicle {
  if (typeof v !== 'object' || v === null) return false;
  const w = v as Record<string, unknown>;
  if (!(typeof w.id === 'string' && idKnown?.(w.id)) && !isId(w.id)) return false;
  if (!VEHICLE_CLASS_SET.has(w.cls) || !inRange(w.lonDeg, -180, 180) || !inRange(w.latDeg, -90, 90)) return false;
  if (!inRange(w.headingDeg, 0, 360) || !inRange(w.speedMps, 0, 100)) return false;
  if (w.automation !== undefined && !isIntIn(w.automation, 0, 5)) return false;
  return w.ts === undefined || isTs(w.ts);
}

/** A vehicle without route or line that passes vehicleSchema, checked without zod (the hot case: most vehicles of every delta). */
export function isPlainVehicle(v: unknown): v is WireVehicle {
  return isVehicleCore(v) && (v as Record<string, unknown>).route === undefined && (v as Record<string, unknown>).line === undefined;
}

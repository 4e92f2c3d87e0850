/**
 * Picking through a section: a hit on a cut-away part is not a hit. The picking code raycasts as
 * before and, with the hits sorted by distance, takes the first that the section keeps, which is
 * the same as continuing the ray past every cut-away surface. Hits are three.js intersections
 * (world frame = three.js axes of the zone's ENU frame); only `point` is read, so this stays pure.
 */
import type { Vec3 } from '../../core/geodesy';
import { isKept } from '../../analysis/section/planes';
import type { Section } from '../../analysis/section/types';
import { threeToEnu } from '../../views/three/enuThree';

export interface PointHit {
  point: { x: number; y: number; z: number };
}

const scratch: Vec3 = [0, 0, 0];

/** Whether a point in three.js's frame survives the section (always, without one). */
export function isKeptThree(section: Section | null, x: number, y: number, z: number): boolean {
  if (!section) return true;
  return isKept(section, threeToEnu(x, y, z, scratch));
}

/** The first hit (of a list sorted by distance) that the section keeps, or null. */
export function firstKeptHit<T extends PointHit>(hits: readonly T[], section: Section | null): T | null {
  for (const h of hits) if (isKeptThree(section, h.point.x, h.point.y, h.point.z)) return h;
  return null;
}

/** Removes the cut-away hits in place, keeping the order; returns the same array. */
export function dropCutAwayHits<T extends PointHit>(hits: T[], section: Section | null): T[] {
  if (!section) return hits;
  let n = 0;
  for (const h of hits) if (isKeptThree(section, h.point.x, h.point.y, h.point.z)) hits[n++] = h;
  hits.length = n;
  return hits;
}

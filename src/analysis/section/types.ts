/**
 * A section (剖切) of the city: a box that keeps what is inside it (the "section box" of BIM
 * viewers) or a plane that keeps one half-space. Everything is in the zone's local ENU frame,
 * metres: x east, y north, z up.
 */
import type { Vec3 } from '../../core/geodesy';

/**
 * A box turned about the vertical by `headingDeg`, a compass heading (clockwise from north, as
 * in src/analysis/visibility): the box's local y axis points along the heading, its local x axis
 * 90° clockwise from it, its local z axis up. `size` is the full extent along those axes.
 */
export interface SectionBox {
  kind: 'box';
  centre: Vec3;
  size: Vec3;
  headingDeg: number;
}

/**
 * A plane through `point`. `normal` (unit) points into the half-space that is cut away, so a
 * plane at z = 10 with normal up keeps everything below 10 m (a floor-plan cut).
 */
export interface SectionPlane {
  kind: 'plane';
  point: Vec3;
  normal: Vec3;
}

export type Section = SectionBox | SectionPlane;

/**
 * A clipping plane in three.js's convention: a point p is kept where
 * `normal · p + constant ≥ 0`. `normal` is unit length.
 */
export interface ClipPlane {
  normal: Vec3;
  constant: number;
}

/** The faces of a box, named by the local axis their outward normal follows. */
export type BoxFace = '+x' | '-x' | '+y' | '-y' | '+z' | '-z';

/** Face order used everywhere: plane i of a box, handle i and cap i are the same face. */
export const BOX_FACES: readonly BoxFace[] = Object.freeze(['+x', '-x', '+y', '-y', '+z', '-z']);

/** No face may be dragged closer than this to its opposite face. */
export const SECTION_MIN_SIZE_M = 1;
/** The largest box edge accepted (a zone is a few km across; this leaves room to spare). */
export const SECTION_MAX_SIZE_M = 50_000;
/** The largest coordinate accepted, metres from the zone origin. */
export const SECTION_MAX_COORD_M = 100_000;
/** How far a normal's length may be from 1 and still count as unit. */
export const UNIT_NORMAL_TOLERANCE = 1e-3;
/** A point this close to a clipping plane counts as kept: the cut face itself stays pickable. */
export const KEEP_TOLERANCE_M = 1e-6;

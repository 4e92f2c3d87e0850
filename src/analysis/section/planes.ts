/**
 * The clipping planes of a section and the test for a kept point. Planes are in the ENU frame;
 * src/layers/section/model.ts turns them into three.js's frame.
 */
import type { Vec3 } from '../../core/geodesy';
import { BOX_FACES, KEEP_TOLERANCE_M, type BoxFace, type ClipPlane, type Section, type SectionBox } from './types';

const DEG = Math.PI / 180;

/** The local axes of a box in ENU: x (right of the heading), y (the heading), z (up). */
export interface BoxAxes {
  x: Vec3;
  y: Vec3;
  z: Vec3;
}

export function boxAxes(headingDeg: number): BoxAxes {
  const h = headingDeg * DEG;
  const c = Math.cos(h);
  const s = Math.sin(h);
  return { x: [c, -s, 0], y: [s, c, 0], z: [0, 0, 1] };
}

function axisIndex(face: BoxFace): 0 | 1 | 2 {
  return face[1] === 'x' ? 0 : face[1] === 'y' ? 1 : 2;
}

/** The unit outward normal of a face, ENU. */
export function faceNormal(box: SectionBox, face: BoxFace): Vec3 {
  const axes = boxAxes(box.headingDeg);
  const a = axisIndex(face);
  const v = a === 0 ? axes.x : a === 1 ? axes.y : axes.z;
  return face[0] === '+' ? [v[0], v[1], v[2]] : negate(v);
}

/** −v, written as 0 − x so a zero component stays +0 (no "-0" in tests, JSON or URLs). */
function negate(v: Vec3): Vec3 {
  return [0 - v[0], 0 - v[1], 0 - v[2]];
}

/** Half the box's extent across a face's axis. */
export function faceHalfExtent(box: SectionBox, face: BoxFace): number {
  return box.size[axisIndex(face)] / 2;
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * The box's six planes in BOX_FACES order, each keeping the inside: the plane of face f has the
 * inward normal −n_f and keeps points no further than half the size from the centre along n_f.
 */
function boxPlanes(box: SectionBox): ClipPlane[] {
  return BOX_FACES.map((face) => {
    const n = faceNormal(box, face);
    return { normal: negate(n), constant: dot(n, box.centre) + faceHalfExtent(box, face) };
  });
}

/** The planes of a section: six for a box (kept inside), one for a plane (kept behind its normal). */
export function sectionPlanes(section: Section): ClipPlane[] {
  if (section.kind === 'box') return boxPlanes(section);
  const n = section.normal;
  return [{ normal: negate(n), constant: dot(n, section.point) }];
}

/** Signed distance of a point from a clipping plane: ≥ 0 on the kept side. */
export function signedDistance(plane: ClipPlane, p: Vec3): number {
  return dot(plane.normal, p) + plane.constant;
}

/**
 * Whether a section keeps an ENU point: on the kept side of every plane, within `toleranceM` (a
 * point on the cut face is kept, so a pick on a cap face still counts). No section keeps all.
 */
export function isKept(section: Section | null, p: Vec3, toleranceM = KEEP_TOLERANCE_M): boolean {
  if (!section) return true;
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || !Number.isFinite(p[2])) return false;
  if (section.kind === 'plane') {
    const n = section.normal;
    const q = section.point;
    return n[0] * (p[0] - q[0]) + n[1] * (p[1] - q[1]) + n[2] * (p[2] - q[2]) <= toleranceM;
  }
  const axes = boxAxes(section.headingDeg);
  const d: Vec3 = [p[0] - section.centre[0], p[1] - section.centre[1], p[2] - section.centre[2]];
  return (
    Math.abs(dot(d, axes.x)) <= section.size[0] / 2 + toleranceM &&
    Math.abs(dot(d, axes.y)) <= section.size[1] / 2 + toleranceM &&
    Math.abs(dot(d, axes.z)) <= section.size[2] / 2 + toleranceM
  );
}

/**
 * Handles of a section and what dragging one does. A box has a handle at the centre of each
 * face that moves that face along its normal while the opposite face stays put; a plane has
 * one handle at its point that moves the plane along its normal.
 */
import type { Vec3 } from '../../core/geodesy';
import { faceHalfExtent, faceNormal } from './planes';
import { BOX_FACES, SECTION_MIN_SIZE_M, type BoxFace, type Section, type SectionBox, type SectionPlane } from './types';

export interface SectionHandle {
  /** The box face it moves, or 'plane' for a plane's single handle. */
  face: BoxFace | 'plane';
  /** Where it is drawn, ENU. */
  position: Vec3;
  /** The unit direction a positive drag moves it: the face's outward normal, or the plane's normal. */
  normal: Vec3;
}

/** The handles of a section, in BOX_FACES order for a box. */
export function sectionHandles(section: Section): SectionHandle[] {
  if (section.kind === 'plane') return [{ face: 'plane', position: [...section.point], normal: [...section.normal] }];
  return BOX_FACES.map((face) => {
    const n = faceNormal(section, face);
    const h = faceHalfExtent(section, face);
    const c = section.centre;
    return { face, position: [c[0] + n[0] * h, c[1] + n[1] * h, c[2] + n[2] * h], normal: n };
  });
}

function axisOf(face: BoxFace): 0 | 1 | 2 {
  return face[1] === 'x' ? 0 : face[1] === 'y' ? 1 : 2;
}

/**
 * The box after dragging `face` by `distanceM` along its outward normal (negative pulls it in).
 * The size along that axis changes by the distance, never below `minSizeM`; the centre moves by
 * half the actual change, so the opposite face does not move. `out` may be passed to reuse an
 * object while a drag runs (it may be the input box's own draft copy, never the input itself).
 */
export function dragFace(box: SectionBox, face: BoxFace, distanceM: number, minSizeM = SECTION_MIN_SIZE_M, out?: SectionBox): SectionBox {
  const a = axisOf(face);
  const before = box.size[a];
  const d = Number.isFinite(distanceM) ? distanceM : 0;
  const after = Math.max(minSizeM, before + d);
  const shift = (after - before) / 2;
  const n = faceNormal(box, face);
  const r = out ?? { kind: 'box', centre: [0, 0, 0], size: [0, 0, 0], headingDeg: 0 };
  r.kind = 'box';
  r.headingDeg = box.headingDeg;
  r.centre[0] = box.centre[0] + n[0] * shift;
  r.centre[1] = box.centre[1] + n[1] * shift;
  r.centre[2] = box.centre[2] + n[2] * shift;
  r.size[0] = box.size[0];
  r.size[1] = box.size[1];
  r.size[2] = box.size[2];
  r.size[a] = after;
  return r;
}

/** The plane moved by `distanceM` along its normal (towards the cut-away side when positive). */
export function dragPlane(plane: SectionPlane, distanceM: number, out?: SectionPlane): SectionPlane {
  const d = Number.isFinite(distanceM) ? distanceM : 0;
  const n = plane.normal;
  const r = out ?? { kind: 'plane', point: [0, 0, 0], normal: [0, 0, 1] };
  r.kind = 'plane';
  r.point[0] = plane.point[0] + n[0] * d;
  r.point[1] = plane.point[1] + n[1] * d;
  r.point[2] = plane.point[2] + n[2] * d;
  r.normal[0] = n[0];
  r.normal[1] = n[1];
  r.normal[2] = n[2];
  return r;
}

/** Drags the handle of `face` ('plane' for a plane) by `distanceM`; see dragFace and dragPlane. */
export function dragHandle(section: Section, face: BoxFace | 'plane', distanceM: number, minSizeM = SECTION_MIN_SIZE_M): Section {
  if (section.kind === 'plane') return dragPlane(section, distanceM);
  if (face === 'plane') return section;
  return dragFace(section, face, distanceM, minSizeM);
}

/** Below this |sin| between the pointer ray and the drag axis, the drag is ill-conditioned. */
const MIN_AXIS_RAY_SIN = 0.05;

/**
 * Where along an axis line (through `axisOrigin`, unit `axisDir`) the pointer ray (unit `rayDir`)
 * passes closest: the parameter s of the axis point `axisOrigin + s·axisDir`. Works in any frame,
 * as long as all four vectors are in the same one. Null when the ray runs almost along the axis
 * (a face seen edge-on to its drag direction), where a tiny pointer move would be a huge jump.
 */
export function axisParamUnderRay(rayOrigin: Vec3, rayDir: Vec3, axisOrigin: Vec3, axisDir: Vec3): number | null {
  const w0x = axisOrigin[0] - rayOrigin[0];
  const w0y = axisOrigin[1] - rayOrigin[1];
  const w0z = axisOrigin[2] - rayOrigin[2];
  const b = rayDir[0] * axisDir[0] + rayDir[1] * axisDir[1] + rayDir[2] * axisDir[2];
  const denom = 1 - b * b;
  if (!(denom > MIN_AXIS_RAY_SIN * MIN_AXIS_RAY_SIN)) return null;
  const dw = rayDir[0] * w0x + rayDir[1] * w0y + rayDir[2] * w0z;
  const uw = axisDir[0] * w0x + axisDir[1] * w0y + axisDir[2] * w0z;
  const s = (b * dw - uw) / denom;
  return Number.isFinite(s) ? s : null;
}

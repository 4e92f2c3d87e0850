/**
 * The section tool: a clipping box (centre, size, heading) or a plane (point, normal). One click
 * places it; in the editing phase each face of the box has a handle, and dragging a face moves
 * that face alone (the opposite face stays), while the plane's handle slides it along its normal.
 */
import { z } from 'zod';
import { baseDefinition, checkChoice, checkRange, copy3, parseWith, toolPoint, vec3Schema } from './toolParams';
import type { ParamProblem, SectionParams, ToolDefinition, ToolHandle, Vec3 } from './toolTypes';

export const MIN_SECTION_SIZE_M = 1;
export const MAX_SECTION_SIZE_M = 5000;

/** Named as src/analysis/section names box faces: by the local axis of the outward normal. */
export const BOX_HANDLES = ['+x', '-x', '+y', '-y', '+z', '-z'] as const;
export type BoxHandleId = (typeof BOX_HANDLES)[number];
export const PLANE_HANDLE = 'offset';

/** The box's right, forward and up axes: forward at the compass heading, right 90° clockwise. */
export function boxAxes(headingDeg: number): [Vec3, Vec3, Vec3] {
  const h = (headingDeg * Math.PI) / 180;
  const s = Math.sin(h), c = Math.cos(h);
  return [[c, 0 - s, 0], [s, c, 0], [0, 0, 1]];
}

export function unit(v: Vec3): Vec3 | null {
  const l = Math.hypot(v[0], v[1], v[2]);
  return l > 0 && Number.isFinite(l) ? [v[0] / l, v[1] / l, v[2] / l] : null;
}

const axisIndex = (id: BoxHandleId): 0 | 1 | 2 => (id[1] === 'x' ? 0 : id[1] === 'y' ? 1 : 2);

const add = (p: Vec3, d: Vec3, t: number): Vec3 => [p[0] + d[0] * t, p[1] + d[1] * t, p[2] + d[2] * t];

function boxHandle(id: BoxHandleId, centre: Vec3, p: SectionParams): ToolHandle {
  const i = axisIndex(id);
  const sign = id[0] === '+' ? 1 : -1;
  const a = boxAxes(p.headingDeg)[i]!;
  // "+ 0" turns −0 into 0, so that equal handles compare equal.
  const axis: Vec3 = [a[0] * sign + 0, a[1] * sign + 0, a[2] * sign + 0];
  return { id, position: add(centre, axis, p.sizeM[i]! / 2), axis };
}

export const section: ToolDefinition<'section'> = {
  ...baseDefinition<'section'>('section', { shape: 'box', sizeM: [60, 60, 40], headingDeg: 0, normal: [0, 1, 0] }),
  geometry: 'points',
  editable: true,
  minPoints: () => 1,
  maxPoints: () => 1,
  place(hit, params) {
    const point = toolPoint(hit);
    if (params.shape === 'box') {
      // The box stands on the picked point rather than half underground.
      point.point = [hit.point[0], hit.point[1], hit.point[2] + params.sizeM[2] / 2];
      return { point, params };
    }
    // On a facade the plane runs along it; on the ground it faces the heading.
    const n = hit.kind !== 'ground' && hit.normal ? unit(hit.normal) : null;
    return { point, params: { ...params, normal: n ?? boxAxes(params.headingDeg)[1] } };
  },
  validateParams(p) {
    const out: ParamProblem[] = [];
    checkChoice(out, 'shape', p.shape, ['box', 'plane']);
    p.sizeM.forEach((v, i) => checkRange(out, `sizeM.${i}`, v, MIN_SECTION_SIZE_M, MAX_SECTION_SIZE_M));
    checkRange(out, 'headingDeg', p.headingDeg, -360, 360);
    if (p.shape === 'plane' && !unit(p.normal)) out.push({ param: 'normal', code: p.normal.every(Number.isFinite) ? 'out-of-range' : 'not-finite' });
    return out;
  },
  inputs(points, params) {
    const normal = unit(params.normal) ?? params.normal;
    return { kind: 'section', points: points.map((p) => copy3(p.point)), params: { ...params, sizeM: copy3(params.sizeM), normal } };
  },
  handles(points, p) {
    const c = points[0];
    if (!c) return [];
    if (p.shape === 'plane') {
      const n = unit(p.normal);
      return n ? [{ id: PLANE_HANDLE, position: copy3(c), axis: n }] : [];
    }
    return BOX_HANDLES.map((id) => boxHandle(id, c, p));
  },
  dragHandle(points, p, id, distanceM) {
    const c = points[0];
    if (!c || !Number.isFinite(distanceM)) return null;
    if (p.shape === 'plane') {
      const n = unit(p.normal);
      return id === PLANE_HANDLE && n ? { points: [add(c, n, distanceM)], params: p } : null;
    }
    if (!(BOX_HANDLES as readonly string[]).includes(id)) return null;
    const h = boxHandle(id as BoxHandleId, c, p);
    const i = axisIndex(id as BoxHandleId);
    const size = Math.min(MAX_SECTION_SIZE_M, Math.max(MIN_SECTION_SIZE_M, p.sizeM[i]! + distanceM));
    const grown = size - p.sizeM[i]!;
    const sizeM = copy3(p.sizeM);
    sizeM[i] = size;
    // The dragged face moves by `grown`, the opposite one stays: the centre moves half as far.
    return { points: [add(c, h.axis, grown / 2)], params: { ...p, sizeM } };
  },
  parseParams: (raw) =>
    parseWith<SectionParams>(
      z.object({ shape: z.enum(['box', 'plane']), sizeM: vec3Schema, headingDeg: z.number(), normal: vec3Schema }).partial(),
      section.defaultParams,
      raw,
    ),
};

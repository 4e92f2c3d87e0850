/**
 * Parameter checks shared by the tool definitions: typed problems for the panel (which
 * translates them by code and shows the range), and an English sentence for file-import errors.
 */
import { z } from 'zod';
import type { NoParams, ParamProblem, ToolDefinition, ToolInputs, ToolKind, ToolPoint, Vec3 } from './toolTypes';

/** Adds a problem unless `v` is finite and within [min, max] (min excluded when `minExclusive`). */
export function checkRange(out: ParamProblem[], param: string, v: number, min: number, max: number, minExclusive = false): void {
  if (!Number.isFinite(v)) out.push({ param, code: 'not-finite' });
  else if (v > max || v < min || (minExclusive && v === min)) out.push({ param, code: 'out-of-range', min, max });
}

export function checkChoice<T extends string>(out: ParamProblem[], param: string, v: T, choices: readonly T[]): void {
  if (!choices.includes(v)) out.push({ param, code: 'bad-choice' });
}

export function describeParamProblem(p: ParamProblem): string {
  switch (p.code) {
    case 'not-finite':
      return `${p.param} must be a finite number`;
    case 'out-of-range':
      return `${p.param} must be from ${p.min} to ${p.max}`;
    case 'required':
      return `${p.param} is required`;
    case 'bad-choice':
      return `${p.param} is not one of the allowed values`;
  }
}

export const vec3Schema = z.tuple([z.number(), z.number(), z.number()]);

/**
 * Parses stored parameters with a zod shape; fields left out take the defaults, so a file written
 * before a parameter existed still loads. Ranges are checked later by `validateParams`.
 */
export function parseWith<P extends object>(schema: z.ZodType<Partial<P>>, defaults: P, raw: unknown): { ok: true; params: P } | { ok: false; reason: string } {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return { ok: true, params: { ...defaults, ...r.data } };
  const issue = r.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : 'params';
  return { ok: false, reason: `${path}: ${issue?.message ?? 'is invalid'}` };
}

export const NO_PARAMS: NoParams = {};

const noParamsSchema = z.object({});

/** Defaults of a definition: any hit accepted, placed as is, no checks, no handles. */
export function baseDefinition<K extends ToolKind>(
  kind: K,
  defaultParams: ToolDefinition<K>['defaultParams'],
): Pick<ToolDefinition<K>, 'kind' | 'defaultParams' | 'editable' | 'closesOnFirstPoint' | 'acceptPoint' | 'place' | 'checkFinish' | 'validateParams' | 'inputs' | 'handles' | 'dragHandle'> {
  return {
    kind,
    defaultParams,
    editable: false,
    closesOnFirstPoint: false,
    acceptPoint: () => null,
    place: (hit, params) => ({ point: toolPoint(hit), params }),
    checkFinish: () => null,
    validateParams: () => [],
    inputs: (points, params): ToolInputs<K> => ({ kind, points: points.map((p) => copy3(p.point)), params }),
    handles: () => [],
    dragHandle: () => null,
  };
}

export function parseNoParams(raw: unknown): { ok: true; params: NoParams } | { ok: false; reason: string } {
  return parseWith<NoParams>(noParamsSchema as z.ZodType<Partial<NoParams>>, NO_PARAMS, raw);
}

export const copy3 = (p: Vec3): Vec3 => [p[0], p[1], p[2]];

/** The hit as a stored point: handle id dropped, arrays copied so the caller may reuse its own. */
export function toolPoint(hit: ToolPoint & { handle?: string }): ToolPoint {
  const p: ToolPoint = { point: copy3(hit.point), kind: hit.kind };
  if (hit.buildingId !== undefined) p.buildingId = hit.buildingId;
  if (hit.normal) p.normal = copy3(hit.normal);
  return p;
}

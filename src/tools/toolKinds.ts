/**
 * The table of tool kinds, and the compute step that turns a finished tool's inputs into result
 * values. The measuring kinds fall back on local geometry; the others need a function injected by
 * the integrator (src/analysis/visibility and friends), so this module never imports them and the
 * analyses can evolve on their own. A compute that runs in a worker is called by the integrator
 * directly on `toolInputs(state)`; this synchronous path is for the quick ones.
 */
import { localMeasure, type LocalComputeDeps } from './measureLocal';
import { measureAreaHorizontal, measureAreaSurface, measureBearing, measureDistance, measureHeight, measurePolyline } from './toolKindsMeasure';
import { section } from './toolKindsSection';
import { heightLimit, sightLine, skyline, viewshed } from './toolKindsVisibility';
import type { AnyToolInputs, ResultValues, ToolDefinition, ToolInputs, ToolKind } from './toolTypes';

export const TOOL_DEFINITIONS: { readonly [K in ToolKind]: ToolDefinition<K> } = {
  'measure-distance': measureDistance,
  'measure-polyline': measurePolyline,
  'measure-area-horizontal': measureAreaHorizontal,
  'measure-area-surface': measureAreaSurface,
  'measure-height': measureHeight,
  'measure-bearing': measureBearing,
  'height-limit': heightLimit,
  'sight-line': sightLine,
  viewshed,
  skyline,
  section,
};

export const TOOL_KINDS = Object.keys(TOOL_DEFINITIONS) as ToolKind[];

export function isToolKind(v: unknown): v is ToolKind {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(TOOL_DEFINITIONS, v);
}

/** The definition of a kind, typed loosely for code that handles every kind alike. */
export function definitionOf(kind: ToolKind): ToolDefinition<ToolKind> {
  return TOOL_DEFINITIONS[kind] as ToolDefinition<ToolKind>;
}

export type ComputeFns = { [K in ToolKind]?: (inputs: ToolInputs<K>) => ResultValues };

export interface ComputeDeps extends LocalComputeDeps {
  /** Overrides the local geometry for the measuring kinds; required for the others. */
  compute?: ComputeFns;
}

export type ComputeOutcome =
  | { ok: true; values: ResultValues }
  | { ok: false; code: 'no-compute' | 'compute-failed' | 'non-finite'; message: string };

function firstNonFinite(values: ResultValues): string | null {
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'number' && !Number.isFinite(v)) return k;
    if (Array.isArray(v) && v.some((x) => !Number.isFinite(x))) return k;
  }
  return null;
}

/** Never throws: a failing or NaN-producing compute becomes a typed outcome the panel can show. */
export function computeResultValues(inputs: AnyToolInputs, deps: ComputeDeps = {}): ComputeOutcome {
  const fn = deps.compute?.[inputs.kind] as ((i: AnyToolInputs) => ResultValues) | undefined;
  let values: ResultValues | null;
  try {
    values = fn ? fn(inputs) : localMeasure(inputs, deps);
  } catch (e) {
    return { ok: false, code: 'compute-failed', message: `${inputs.kind}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!values) return { ok: false, code: 'no-compute', message: `no compute function for ${inputs.kind}` };
  const bad = firstNonFinite(values);
  if (bad !== null) return { ok: false, code: 'non-finite', message: `${inputs.kind}: value ${bad} is not finite` };
  return { ok: true, values };
}

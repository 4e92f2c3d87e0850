/**
 * The planner tool's part of a shared link: which tool is open and its inputs (points and
 * parameters), so a colleague opens the same sight line, section box or height limit and the
 * result is recomputed there, never carried.
 *
 *   tool=<kind>&tpts=<e>_<n>_<u>~…&tprm=<param>:<value>,…   (arrays as a_b_c, null as -)
 *
 * Pure; the form is checked here, the values by the tool's own definition when applied.
 */
import { definitionOf, isToolKind } from '../tools/toolKinds';
import type { ToolKind, Vec3 } from '../tools/toolTypes';

export interface ToolsUrlState {
  kind: ToolKind;
  points: Vec3[];
  params: Record<string, unknown>;
}

type Bad = (param: string, reason: string) => void;

export const TOOLS_URL_KEYS = ['tool', 'tpts', 'tprm'] as const;
export const MAX_TOOL_POINTS = 40;
/** Zone metres: a zone is a few km across. */
const COORD_LIMIT_M = 50_000;
const NUMBER_RE = /^-?(\d+(\.\d*)?|\.\d+)$/;
const KEY_RE = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const TOKEN_RE = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,79}$/;

const num = (s: string): number | null => (NUMBER_RE.test(s) ? Number(s) : null);
const cm = (v: number): string => String(Math.round(v * 100) / 100);

function parsePoints(raw: string, bad: Bad): Vec3[] | null {
  const parts = raw.split('~').filter((x) => x.length > 0);
  if (parts.length > MAX_TOOL_POINTS) {
    bad('tpts', `at most ${MAX_TOOL_POINTS} points`);
    return null;
  }
  const out: Vec3[] = [];
  for (const p of parts) {
    const v = p.split('_').map(num);
    if (v.length !== 3 || v.some((x) => x === null || Math.abs(x) > COORD_LIMIT_M)) {
      bad('tpts', `"${p.slice(0, 40)}" must be <east>_<north>_<up> in metres within ${COORD_LIMIT_M} m`);
      return null;
    }
    out.push(v as Vec3);
  }
  return out;
}

function parseValue(v: string): unknown {
  if (v === '-') return null;
  const n = num(v);
  if (n !== null) return n;
  if (v.includes('_')) {
    const arr = v.split('_').map(num);
    return arr.every((x) => x !== null) ? arr : undefined;
  }
  return TOKEN_RE.test(v) ? v : undefined;
}

function parseParamList(raw: string, bad: Bad): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const item of raw.split(',').filter((x) => x.length > 0).slice(0, 20)) {
    const i = item.indexOf(':');
    const key = i > 0 ? item.slice(0, i) : '';
    const value = i > 0 ? parseValue(item.slice(i + 1)) : undefined;
    if (!KEY_RE.test(key) || value === undefined) {
      bad('tprm', `"${item.slice(0, 40)}" must be <parameter>:<number, a_b_c, name or ->`);
      return null;
    }
    out[key] = value;
  }
  return out;
}

export function parseToolsParams(params: URLSearchParams, bad: Bad): ToolsUrlState | undefined {
  const kind = params.get('tool');
  if (kind === null) {
    if (params.has('tpts') || params.has('tprm')) bad('tool', 'tpts/tprm need tool=<kind>');
    return undefined;
  }
  if (!isToolKind(kind)) {
    bad('tool', `no tool "${kind.slice(0, 40)}"`);
    return undefined;
  }
  const points = params.has('tpts') ? parsePoints(params.get('tpts')!, bad) : [];
  const raw = params.has('tprm') ? parseParamList(params.get('tprm')!, bad) : {};
  if (points === null || raw === null) return { kind, points: [], params: {} };
  // The tool's own reader fills what the link leaves out and refuses a wrong type.
  const parsed = definitionOf(kind).parseParams({ ...definitionOf(kind).defaultParams, ...raw });
  if (!parsed.ok) {
    bad('tprm', parsed.reason);
    return { kind, points, params: {} };
  }
  return { kind, points, params: parsed.params as unknown as Record<string, unknown> };
}

function formatValue(v: unknown): string | null {
  if (v === null) return '-';
  if (typeof v === 'number') return Number.isFinite(v) ? cm(v) : null;
  if (typeof v === 'string') return TOKEN_RE.test(v) ? v : null;
  if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x))) return v.map((x) => cm(x as number)).join('_');
  return null;
}

/** Query parts; parameters equal to the tool's defaults are left out, so links stay short. */
export function toolsUrlParts(t: ToolsUrlState | undefined): [string, string][] {
  if (!t) return [];
  const out: [string, string][] = [['tool', t.kind]];
  const pts = t.points.filter((p) => p.every(Number.isFinite)).slice(0, MAX_TOOL_POINTS);
  if (pts.length > 0) out.push(['tpts', pts.map((p) => p.map(cm).join('_')).join('~')]);
  const defaults = definitionOf(t.kind).defaultParams as Record<string, unknown>;
  const prm = Object.entries(t.params)
    .filter(([k, v]) => KEY_RE.test(k) && JSON.stringify(v) !== JSON.stringify(defaults[k]))
    .map(([k, v]) => [k, formatValue(v)] as const)
    .filter((e): e is readonly [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}:${v}`);
  if (prm.length > 0) out.push(['tprm', prm.join(',')]);
  return out;
}

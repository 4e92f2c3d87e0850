/**
 * The sunlight analysis's part of a shared link: the settings, never the result (it is recomputed
 * on opening, so a link cannot carry a stale or forged finding). Pure; every value is checked and
 * a bad one is dropped with a reason, like the rest of the planner's part (planUrl.ts).
 *
 *   sl=<profile>&slp=<param>:<value>,…&slr=building|plot|site:<id> | polygon:<e>_<n>~…
 *   &sls=<state>&slm=state|impact|compare&slb=<state B>&slsp=<spacing m>&slg=<ground height m>
 *
 * Parameter names and values are checked against the profile when the link is applied (the
 * profile knows its own parameters); here only their form is.
 */
import type { Ring } from '../analysis/planning/types';
import {
  GROUND_HEIGHT_LIMITS_M,
  RECEIVER_KINDS,
  SPACING_LIMITS_M,
  SUNLIGHT_MODES,
  type ProfileOverrides,
  type ReceiverChoice,
  type SunlightMode,
} from '../state/sunlightSlice';

export interface SunlightUrlState {
  profile?: string;
  params?: ProfileOverrides;
  receivers?: ReceiverChoice;
  state?: string;
  mode?: SunlightMode;
  other?: string;
  spacingM?: number;
  /** Present: the ground heat map is on, at this height. */
  groundHeightM?: number;
}

type Bad = (param: string, reason: string) => void;

export const SUNLIGHT_URL_KEYS = ['sl', 'slp', 'slr', 'sls', 'slm', 'slb', 'slsp', 'slg'] as const;

const ID_RE = /^[A-Za-z0-9:._-]{1,80}$/;
/** Building ids carry slashes ("osm:way/123"). */
const BUILDING_ID_RE = /^[A-Za-z0-9:/._-]{1,200}$/;
const PARAM_RE = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const TOKEN_RE = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const NUMBER_RE = /^-?(\d+(\.\d*)?|\.\d+)$/;
const MAX_PARAMS = 20;
/** Enough for any hand-drawn polygon; keeps a link under a few hundred characters. */
export const MAX_POLYGON_POINTS = 40;
/** Polygon vertices are ENU metres; a zone is a few km across. */
const POLYGON_LIMIT_M = 50_000;

const num = (s: string): number | null => (NUMBER_RE.test(s) ? Number(s) : null);

function parseParams(raw: string, bad: Bad): ProfileOverrides | undefined {
  const items = raw.split(',').filter((x) => x.length > 0);
  if (items.length > MAX_PARAMS) {
    bad('slp', `at most ${MAX_PARAMS} parameters`);
    return undefined;
  }
  const out: ProfileOverrides = {};
  for (const item of items) {
    const i = item.indexOf(':');
    const key = i > 0 ? item.slice(0, i) : '';
    const v = i > 0 ? item.slice(i + 1) : '';
    const n = num(v);
    if (!PARAM_RE.test(key) || (n === null && !TOKEN_RE.test(v))) {
      bad('slp', `"${item.slice(0, 40)}" must be <parameter>:<number or name>`);
      continue;
    }
    out[key] = n ?? v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function parsePolygon(raw: string): Ring | string {
  const pts = raw.split('~');
  if (pts.length < 3 || pts.length > MAX_POLYGON_POINTS) return `a polygon needs 3 to ${MAX_POLYGON_POINTS} points`;
  const ring: Ring = [];
  for (const p of pts) {
    const [a, b, ...rest] = p.split('_');
    const e = num(a ?? '');
    const n = num(b ?? '');
    if (rest.length > 0 || e === null || n === null || Math.abs(e) > POLYGON_LIMIT_M || Math.abs(n) > POLYGON_LIMIT_M) {
      return `"${p.slice(0, 30)}" must be <east>_<north> in metres`;
    }
    ring.push([e, n]);
  }
  return ring;
}

function parseReceivers(raw: string, bad: Bad): ReceiverChoice | undefined {
  const i = raw.indexOf(':');
  const kind = (i > 0 ? raw.slice(0, i) : raw) as ReceiverChoice['kind'];
  const rest = i > 0 ? raw.slice(i + 1) : '';
  if (!RECEIVER_KINDS.includes(kind)) {
    bad('slr', `must start with one of ${RECEIVER_KINDS.join(', ')}`);
    return undefined;
  }
  if (kind === 'polygon') {
    const ring = parsePolygon(rest);
    if (typeof ring === 'string') {
      bad('slr', ring);
      return undefined;
    }
    return { kind, id: null, ring };
  }
  if (rest === '') return { kind, id: null, ring: null };
  if (!(kind === 'building' ? BUILDING_ID_RE : ID_RE).test(rest)) {
    bad('slr', `"${rest.slice(0, 40)}" is not a valid ${kind} id`);
    return undefined;
  }
  return { kind, id: rest, ring: null };
}

function parseRange(raw: string, param: string, lim: { min: number; max: number }, bad: Bad): number | undefined {
  const v = num(raw);
  if (v === null || v < lim.min || v > lim.max) {
    bad(param, `must be a number from ${lim.min} to ${lim.max}`);
    return undefined;
  }
  return v;
}

export function parseSunlightParams(params: URLSearchParams, bad: Bad): SunlightUrlState | undefined {
  const out: SunlightUrlState = {};
  const id = (param: string): string | undefined => {
    const v = params.get(param);
    if (v === null) return undefined;
    if (ID_RE.test(v)) return v;
    bad(param, 'must be an id (letters, digits and - _ : .)');
    return undefined;
  };
  out.profile = id('sl');
  out.state = id('sls');
  out.other = id('slb');
  const slp = params.get('slp');
  if (slp !== null) out.params = parseParams(slp, bad);
  const slr = params.get('slr');
  if (slr !== null) out.receivers = parseReceivers(slr, bad);
  const slm = params.get('slm');
  if (slm !== null) {
    if ((SUNLIGHT_MODES as readonly string[]).includes(slm)) out.mode = slm as SunlightMode;
    else bad('slm', `must be one of ${SUNLIGHT_MODES.join(', ')}`);
  }
  const slsp = params.get('slsp');
  if (slsp !== null) out.spacingM = parseRange(slsp, 'slsp', SPACING_LIMITS_M, bad);
  const slg = params.get('slg');
  if (slg !== null) out.groundHeightM = parseRange(slg, 'slg', GROUND_HEIGHT_LIMITS_M, bad);
  return Object.values(out).some((v) => v !== undefined) ? out : undefined;
}

const round = (v: number, d: number): string => {
  const f = 10 ** d;
  const r = Math.round(v * f) / f;
  return String(r === 0 ? 0 : r);
};

/** Query parts in a stable order; invalid values are left out. */
export function sunlightUrlParts(p: SunlightUrlState | undefined): [string, string][] {
  if (!p) return [];
  const out: [string, string][] = [];
  if (p.profile && ID_RE.test(p.profile)) out.push(['sl', p.profile]);
  const params = Object.entries(p.params ?? {}).filter(
    ([k, v]) => PARAM_RE.test(k) && (typeof v === 'number' ? Number.isFinite(v) : TOKEN_RE.test(v)),
  );
  if (params.length > 0) out.push(['slp', params.map(([k, v]) => `${k}:${typeof v === 'number' ? round(v, 4) : v}`).join(',')]);
  const r = p.receivers;
  if (r?.kind === 'polygon' && r.ring && r.ring.length >= 3 && r.ring.length <= MAX_POLYGON_POINTS && r.ring.every(([e, n]) => Number.isFinite(e) && Number.isFinite(n))) {
    out.push(['slr', `polygon:${r.ring.map(([e, n]) => `${round(e, 1)}_${round(n, 1)}`).join('~')}`]);
  } else if (r && r.kind !== 'polygon') {
    const ok = r.id !== null && (r.kind === 'building' ? BUILDING_ID_RE : ID_RE).test(r.id);
    out.push(['slr', ok ? `${r.kind}:${r.id}` : r.kind]);
  }
  if (p.state && ID_RE.test(p.state)) out.push(['sls', p.state]);
  if (p.mode && p.mode !== 'state') out.push(['slm', p.mode]);
  if (p.mode === 'compare' && p.other && ID_RE.test(p.other)) out.push(['slb', p.other]);
  if (p.spacingM !== undefined && Number.isFinite(p.spacingM)) out.push(['slsp', round(p.spacingM, 2)]);
  if (p.groundHeightM !== undefined && Number.isFinite(p.groundHeightM)) out.push(['slg', round(p.groundHeightM, 2)]);
  return out;
}

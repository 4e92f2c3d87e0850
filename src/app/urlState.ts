/**
 * The shareable part of the app state, as URL query parameters. Pure: no DOM, no store.
 *
 *   ?zone=&vp=&lang=zh|en&engine=three|globe&sel=<buildingId>&cam=e,n,u,te,tn,tu&sun=YYYY-MM-DDTHH:MM&test=1&tileBudgetMB=
 *
 * `sun` is the sun's date and time for shadow studies, in Shanghai local time (UTC+8, as the sun
 * control shows it), to the minute; absent means the scene's default.
 *
 * The URL is untrusted input (a planner pastes it from chat), so every value is checked and a bad
 * one is dropped with a reason instead of reaching the camera or the GPU.
 */
import type { CameraPose, Language, ViewEngine } from '../state/viewSlice';
import { formatMinutes, fromShanghaiParts, toShanghaiParts } from './shanghaiTime';
import { modeUrlParts, parseModeParams, type ModeUrlState } from './modeUrl';
import { parsePlanParams, planUrlParts, type PlanUrlState } from './planUrl';

export interface UrlState {
  zone?: string;
  vp?: string;
  lang?: Language;
  engine?: ViewEngine;
  sel?: string;
  cam?: CameraPose;
  /** Sun time, epoch ms (whole minutes). */
  sun?: number;
  test?: boolean;
  tileBudgetMB?: number;
  /** The planner's site, comparison, plot and catalogue state (planUrl.ts). */
  plan?: PlanUrlState;
  /** Working mode, story position and screen/wall/kiosk settings (modeUrl.ts). */
  modes?: ModeUrlState;
  /** The time machine's moment (epoch ms, whole seconds): the link opens the replay there. */
  t?: number;
}

export interface UrlIssue {
  param: string;
  reason: string;
}

/**
 * Limits of a `cam` pose, ENU metres from the zone origin. The three.js view clamps any pose to
 * its zone (cameraModel.sanitizePose), but the globe view may pull back to see the whole Earth and
 * turn it: there, ENU coordinates reach a few Earth radii (up is negative over the far side), and
 * tighter limits silently dropped `cam` from the link once one zoomed out. These bound such poses
 * (GLOBE_MAX_ZOOM_DISTANCE_M, under a test) and still refuse absurd numbers.
 */
export const CAM_HORIZONTAL_LIMIT_M = 50_000_000;
export const CAM_UP_MAX_M = 50_000_000;
/** How far under the ground a point may be, near the zone: the Earth's curve is allowed for, a buried camera is not. */
export const CAM_UP_MIN_M = -2_000;
/** A sphere stands in for the Earth in that check; far from the zone, allow for its error. */
const EARTH_RADIUS_M = 6_371_000;
const SPHERE_SLACK_PER_M = 0.01;

/** Metres a point lies under a sphere-Earth's surface (negative above it), ENU of a point on that surface. */
function depthUnderGround(p: readonly [number, number, number]): number {
  return EARTH_RADIUS_M - Math.hypot(p[0], p[1], p[2] + EARTH_RADIUS_M);
}
/** Camera position and target this close together give no view direction. */
export const CAM_MIN_DISTANCE_M = 0.01;
export const TILE_BUDGET_MIN_MB = 8;
export const TILE_BUDGET_MAX_MB = 16_384;
/** Round-trip precision of camera coordinates in a shared link. */
const CAM_DECIMALS = 1;

const ID_RE = /^[a-z0-9-]{1,64}$/;
/** Building ids look like "osm:way/123" or "gen:jiading:42". */
const BUILDING_ID_RE = /^[A-Za-z0-9:/._-]{1,200}$/;
/** Plain decimal notation only: Number() would also accept "", "0x1f" and "Infinity". */
const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

const KNOWN_ORDER = ['zone', 'vp', 'cam', 'sel', 'sun', 't', 'engine', 'lang', 'test', 'tileBudgetMB'] as const;
/** Shanghai local date and time to the minute: "2025-06-21T14:30". */
const SUN_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

function parseNumber(s: string): number | null {
  const t = s.trim();
  if (!NUMBER_RE.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Checks a pose against the sane ranges; returns the reason it is unusable, or null. */
export function cameraPoseProblem(pose: CameraPose): string | null {
  const all = [...pose.position, ...pose.target];
  if (!all.every(Number.isFinite)) return 'coordinates must be finite numbers';
  for (const p of [pose.position, pose.target]) {
    if (Math.abs(p[0]) > CAM_HORIZONTAL_LIMIT_M || Math.abs(p[1]) > CAM_HORIZONTAL_LIMIT_M) {
      return `east/north must be within ±${CAM_HORIZONTAL_LIMIT_M} m of the zone origin`;
    }
    if (Math.abs(p[2]) > CAM_UP_MAX_M) return `up must be within ±${CAM_UP_MAX_M} m`;
    if (depthUnderGround(p) > -CAM_UP_MIN_M + SPHERE_SLACK_PER_M * Math.hypot(p[0], p[1])) {
      return `must not be more than ${-CAM_UP_MIN_M} m under the ground`;
    }
  }
  const d = Math.hypot(
    pose.position[0] - pose.target[0],
    pose.position[1] - pose.target[1],
    pose.position[2] - pose.target[2],
  );
  if (d < CAM_MIN_DISTANCE_M) return 'camera position and target must differ';
  return null;
}

/** "2025-06-21T14:30" (Shanghai time) → epoch ms, or the reason it is unusable. */
export function parseSun(raw: string): number | string {
  const m = SUN_RE.exec(raw.trim());
  if (!m) return 'expected Shanghai local date and time as YYYY-MM-DDTHH:MM';
  const h = Number(m[2]), min = Number(m[3]);
  if (h > 23 || min > 59) return `no such time of day "${m[2]}:${m[3]}"`;
  return fromShanghaiParts(m[1]!, h * 60 + min) ?? `no such date "${m[1]}"`;
}

/**
 * ISO 8601 date-time with seconds and an offset ("2026-12-02T07:42:10+08:00" or "…Z"); without an
 * offset it is Shanghai time, as every clock in the app shows. Returns epoch ms or the reason.
 * A space stands for "+": a link typed or pasted with a bare "+08:00" reaches us decoded as a space.
 */
const T_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+ -]\d{2}:\d{2})?$/;
const T_MIN_MS = Date.UTC(2000, 0, 1);
const T_MAX_MS = Date.UTC(2100, 0, 1);
export function parseT(raw: string): number | string {
  const m = T_RE.exec(raw.trim());
  if (!m) return 'expected an ISO time such as 2026-12-02T07:42:10+08:00';
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return `no such time "${raw.slice(0, 40)}"`;
  const zone = m[7] ?? '+08:00';
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4, 6)) > 59)) return `no such UTC offset "${zone.trim()}"`;
  const offsetMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec) - offsetMin * 60_000;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return `no such date "${raw.slice(0, 10)}"`;
  if (ms < T_MIN_MS || ms > T_MAX_MS) return 'must be between the years 2000 and 2100';
  return ms;
}

/** Shanghai local ISO time with its offset, to the second: what a link carries as `t`. */
export function formatT(ms: number): string {
  const d = new Date(Math.round(ms / 1000) * 1000 + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

export function formatSun(ms: number): string {
  const p = toShanghaiParts(ms);
  return `${p.date}T${formatMinutes(p.minutes)}`;
}

function parseCam(raw: string): CameraPose | string {
  const parts = raw.split(',');
  if (parts.length !== 6) return `expected 6 comma-separated numbers (e,n,u,te,tn,tu), got ${parts.length}`;
  const nums: number[] = [];
  for (const [i, p] of parts.entries()) {
    const v = parseNumber(p);
    if (v === null) return `value ${i + 1} ("${p.slice(0, 20)}") is not a finite number`;
    nums.push(v);
  }
  const [e, n, u, te, tn, tu] = nums as [number, number, number, number, number, number];
  const pose: CameraPose = { position: [e, n, u], target: [te, tn, tu] };
  return cameraPoseProblem(pose) ?? pose;
}

/**
 * The language for a visitor whose link asks for one we do not have (lang=fr): the first of the
 * browser's languages we support (zh-* → zh, en-* → en), else English, which a foreign visitor
 * is likelier to read than Chinese.
 */
export function languageFromBrowser(languages: readonly string[]): Language {
  for (const l of languages) {
    const x = l.toLowerCase();
    if (x === 'zh' || x.startsWith('zh-')) return 'zh';
    if (x === 'en' || x.startsWith('en-')) return 'en';
  }
  return 'en';
}

/**
 * Parses a query string ("?a=b" or "a=b"). Never throws; bad values come back as issues.
 * `browserLanguages` (navigator.languages) chooses the fallback for an unsupported `lang`.
 */
export function parseUrlState(search: string, browserLanguages: readonly string[] = []): { state: UrlState; issues: UrlIssue[] } {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  const issues: UrlIssue[] = [];
  const bad = (param: string, reason: string) => issues.push({ param, reason });

  const zone = params.get('zone');
  if (zone !== null) {
    if (ID_RE.test(zone)) state.zone = zone;
    else bad('zone', 'must be a zone id (lower-case letters, digits and dashes)');
  }
  const vp = params.get('vp');
  if (vp !== null) {
    if (ID_RE.test(vp)) state.vp = vp;
    else bad('vp', 'must be a viewpoint id (lower-case letters, digits and dashes)');
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (lang === 'zh' || lang === 'en') state.lang = lang;
    else {
      state.lang = languageFromBrowser(browserLanguages);
      bad('lang', `must be "zh" or "en"; using "${state.lang}" from the browser's languages`);
    }
  }
  const engine = params.get('engine');
  if (engine !== null) {
    if (engine === 'three' || engine === 'globe') state.engine = engine;
    else bad('engine', 'must be "three" or "globe"');
  }
  const sel = params.get('sel');
  if (sel !== null) {
    if (BUILDING_ID_RE.test(sel)) state.sel = sel;
    else bad('sel', 'must be a building id such as "osm:way/123" or "gen:zone:1"');
  }
  const cam = params.get('cam');
  if (cam !== null) {
    const r = parseCam(cam);
    if (typeof r === 'string') bad('cam', r);
    else state.cam = r;
  }
  const sun = params.get('sun');
  if (sun !== null) {
    const r = parseSun(sun);
    if (typeof r === 'string') bad('sun', r);
    else state.sun = r;
  }
  const t = params.get('t');
  if (t !== null) {
    const r = parseT(t);
    if (typeof r === 'string') bad('t', r);
    else state.t = r;
  }
  const test = params.get('test');
  if (test !== null) {
    if (test === '1') state.test = true;
    else if (test !== '0') bad('test', 'must be "1" or "0"');
  }
  const budget = params.get('tileBudgetMB');
  if (budget !== null) {
    const v = parseNumber(budget);
    if (v === null) bad('tileBudgetMB', 'must be a finite number');
    else if (v < TILE_BUDGET_MIN_MB || v > TILE_BUDGET_MAX_MB) {
      bad('tileBudgetMB', `must be within [${TILE_BUDGET_MIN_MB}, ${TILE_BUDGET_MAX_MB}]`);
    } else state.tileBudgetMB = v;
  }
  const plan = parsePlanParams(params, bad);
  if (plan) state.plan = plan;
  const modes = parseModeParams(params, bad);
  if (modes) state.modes = modes;
  return { state, issues };
}

function formatCoord(v: number): string {
  const f = 10 ** CAM_DECIMALS;
  const r = Math.round(v * f) / f;
  // Avoid "-0" in links.
  return String(r === 0 ? 0 : r);
}

/** Keeps commas, colons and slashes readable: they are legal in a query and make links legible. */
function encodeValue(v: string): string {
  return encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

/** Writes the state as "?a=b&…" in a stable order, or "" when empty. Invalid values are left out. */
export function serializeUrlState(state: UrlState): string {
  const out: Record<(typeof KNOWN_ORDER)[number], string | undefined> = {
    zone: state.zone && ID_RE.test(state.zone) ? state.zone : undefined,
    vp: state.vp && ID_RE.test(state.vp) ? state.vp : undefined,
    cam:
      state.cam && cameraPoseProblem(state.cam) === null
        ? [...state.cam.position, ...state.cam.target].map(formatCoord).join(',')
        : undefined,
    sel: state.sel && BUILDING_ID_RE.test(state.sel) ? state.sel : undefined,
    sun: state.sun !== undefined && Number.isFinite(state.sun) ? formatSun(state.sun) : undefined,
    t: state.t !== undefined && Number.isFinite(state.t) ? formatT(state.t) : undefined,
    engine: state.engine,
    lang: state.lang,
    test: state.test ? '1' : undefined,
    tileBudgetMB:
      state.tileBudgetMB !== undefined && Number.isFinite(state.tileBudgetMB) ? String(state.tileBudgetMB) : undefined,
  };
  const parts = KNOWN_ORDER.filter((k) => out[k] !== undefined).map((k) => `${k}=${encodeValue(out[k] as string)}`);
  for (const [k, v] of modeUrlParts(state.modes)) parts.push(`${k}=${encodeValue(v)}`);
  for (const [k, v] of planUrlParts(state.plan)) parts.push(`${k}=${encodeValue(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Positions closer than this count as "at the viewpoint" (the camera comes to rest after a flight). */
export const VIEWPOINT_MATCH_TOLERANCE_M = 1;

/** The id of the viewpoint the camera rests at, if any: keeps `vp` in the URL only while it is true. */
export function matchViewpoint(
  pose: CameraPose | null,
  viewpoints: readonly { id: string; position: readonly number[]; target: readonly number[] }[],
): string | undefined {
  if (!pose) return undefined;
  const near = (a: readonly number[], b: readonly number[]) =>
    Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0)) <=
    VIEWPOINT_MATCH_TOLERANCE_M;
  return viewpoints.find((v) => near(v.position, pose.position) && near(v.target, pose.target))?.id;
}

/**
 * The planner's part of a shared link: which site, what the view compares, the divider, the
 * selected plot, and the catalogue's layer visibility and opacity where they differ from the
 * zone's defaults. Pure; the URL is untrusted, so every value is checked and a bad one is
 * dropped with a reason.
 *
 *   site=<siteId>&pv=existing|scheme|compare&pl=<state>&pr=<state>&layout=swipe|split|toggle
 *   &div=0..1&plot=<plotId>&lyr=<id>:0|1,…&op=<id>:0..1,…
 *
 * plus the sunlight analysis's settings (sl, slp, slr, sls, …; sunlightUrl.ts).
 */
import type { CompareLayout, PlanViewMode } from '../analysis/planning/types';
import { parseSunlightParams, SUNLIGHT_URL_KEYS, sunlightUrlParts, type SunlightUrlState } from './sunlightUrl';
import { parseToolsParams, TOOLS_URL_KEYS, toolsUrlParts, type ToolsUrlState } from './toolsUrl';

export interface PlanUrlState {
  site?: string;
  mode?: PlanViewMode;
  left?: string;
  right?: string;
  layout?: CompareLayout;
  dividerX?: number;
  plot?: string;
  layers?: Record<string, boolean>;
  opacity?: Record<string, number>;
  sunlight?: SunlightUrlState;
  /** The open planner tool and its inputs (toolsUrl.ts). */
  tools?: ToolsUrlState;
}

type Bad = (param: string, reason: string) => void;

/** Site, scheme, plot and layer ids: what the tiler and importer write (letters, digits, - _ : .). */
const PLAN_ID_RE = /^[A-Za-z0-9:._-]{1,80}$/;
const MAX_LIST = 40;
const MODES: readonly PlanViewMode[] = ['existing', 'scheme', 'compare'];
const LAYOUTS: readonly CompareLayout[] = ['swipe', 'split', 'toggle'];

export const PLAN_URL_KEYS = ['site', 'pv', 'pl', 'pr', 'layout', 'div', 'plot', 'lyr', 'op', ...SUNLIGHT_URL_KEYS, ...TOOLS_URL_KEYS] as const;

function parseShare(s: string): number | null {
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(s.trim())) return null;
  return Number(s);
}

function parsePairs<T>(raw: string, param: string, bad: Bad, value: (v: string) => T | null, what: string): Record<string, T> | undefined {
  const out: Record<string, T> = {};
  const items = raw.split(',').filter((x) => x.length > 0);
  if (items.length > MAX_LIST) {
    bad(param, `at most ${MAX_LIST} entries`);
    return undefined;
  }
  for (const item of items) {
    const i = item.lastIndexOf(':');
    const id = i > 0 ? item.slice(0, i) : '';
    const v = i > 0 ? value(item.slice(i + 1)) : null;
    if (!PLAN_ID_RE.test(id) || v === null) {
      bad(param, `"${item.slice(0, 40)}" must be <layer id>:${what}`);
      continue;
    }
    out[id] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function parsePlanParams(params: URLSearchParams, bad: Bad): PlanUrlState | undefined {
  const out: PlanUrlState = {};
  const id = (param: 'site' | 'pl' | 'pr' | 'plot'): string | undefined => {
    const v = params.get(param);
    if (v === null) return undefined;
    if (PLAN_ID_RE.test(v)) return v;
    bad(param, 'must be an id (letters, digits and - _ : .)');
    return undefined;
  };
  out.site = id('site');
  out.left = id('pl');
  out.right = id('pr');
  out.plot = id('plot');
  const pv = params.get('pv');
  if (pv !== null) {
    if ((MODES as readonly string[]).includes(pv)) out.mode = pv as PlanViewMode;
    else bad('pv', `must be one of ${MODES.join(', ')}`);
  }
  const layout = params.get('layout');
  if (layout !== null) {
    if ((LAYOUTS as readonly string[]).includes(layout)) out.layout = layout as CompareLayout;
    else bad('layout', `must be one of ${LAYOUTS.join(', ')}`);
  }
  const div = params.get('div');
  if (div !== null) {
    const v = parseShare(div);
    if (v === null) bad('div', 'must be a number from 0 to 1');
    else out.dividerX = v;
  }
  const lyr = params.get('lyr');
  if (lyr !== null) out.layers = parsePairs(lyr, 'lyr', bad, (v) => (v === '1' ? true : v === '0' ? false : null), '0|1');
  const op = params.get('op');
  if (op !== null) out.opacity = parsePairs(op, 'op', bad, parseShare, '0..1');
  out.sunlight = parseSunlightParams(params, bad);
  out.tools = parseToolsParams(params, bad);
  const any = Object.values(out).some((v) => v !== undefined);
  return any ? out : undefined;
}

const share = (v: number): string => String(Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000);

/** Query parts in a stable order; invalid values are left out. */
export function planUrlParts(p: PlanUrlState | undefined): [string, string][] {
  if (!p) return [];
  const out: [string, string][] = [];
  const idOk = (v: string | undefined): v is string => v !== undefined && PLAN_ID_RE.test(v);
  if (idOk(p.site)) out.push(['site', p.site]);
  if (p.mode && p.mode !== 'existing') out.push(['pv', p.mode]);
  if (p.mode === 'compare' && idOk(p.left)) out.push(['pl', p.left]);
  if (p.mode !== 'existing' && idOk(p.right)) out.push(['pr', p.right]);
  if (p.mode === 'compare' && p.layout) out.push(['layout', p.layout]);
  if (p.mode === 'compare' && p.layout === 'swipe' && p.dividerX !== undefined && Number.isFinite(p.dividerX)) out.push(['div', share(p.dividerX)]);
  if (idOk(p.plot)) out.push(['plot', p.plot]);
  const lyr = Object.entries(p.layers ?? {}).filter(([k]) => PLAN_ID_RE.test(k));
  if (lyr.length > 0) out.push(['lyr', lyr.map(([k, v]) => `${k}:${v ? 1 : 0}`).join(',')]);
  const op = Object.entries(p.opacity ?? {}).filter(([k, v]) => PLAN_ID_RE.test(k) && Number.isFinite(v));
  if (op.length > 0) out.push(['op', op.map(([k, v]) => `${k}:${share(v)}`).join(',')]);
  out.push(...sunlightUrlParts(p.sunlight));
  out.push(...toolsUrlParts(p.tools));
  return out;
}

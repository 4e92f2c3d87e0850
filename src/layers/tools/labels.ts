/**
 * The value labels the tools put on the scene: where each goes (by its result's last point, or at
 * the eye for the tools that look from one) and what it says, with the precision of
 * src/analysis/measure/format.ts, so the scene reads the same as the results list. The tool being
 * drawn gets a live label from its preview inputs (the measuring kinds, computed locally). Pure
 * apart from the injected `t`; built when the results change, placed per frame by the renderer.
 */
import { formatAngle, formatArea, formatBearing, formatLength } from '../../analysis/measure/format';
import type { ToolPayload } from '../../tools/compute/payloads';
import { previewInputs, type AnyToolState } from '../../tools/machine';
import type { ResultsList } from '../../tools/results';
import { computeResultValues } from '../../tools/toolKinds';
import type { AnyToolInputs, ResultValues, Vec3 } from '../../tools/toolTypes';

export type Translate = (key: string, opts?: Record<string, unknown>) => string;
export type LabelLanguage = 'zh' | 'en';

/** `data-tone` of the label node (live.css): the selection's amber border, the alarm's red. */
export type LabelTone = '' | 'warning' | 'alarm';

export interface ToolLabel {
  /** The result id, or ACTIVE_LABEL for the tool being drawn. */
  key: string;
  anchor: Vec3;
  text: string;
  tone: LabelTone;
}

export const ACTIVE_LABEL = 'active';
/** Labels sit this far above their anchor point, metres, so they do not cover the point itself. */
export const LABEL_LIFT_M = 0.5;

const LOCALE: Record<LabelLanguage, string> = { zh: 'zh-CN', en: 'en' };
const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(v: number, decimals: number, lang: LabelLanguage): string {
  const key = `${lang}:${decimals}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f.format(v);
}

export interface Formatter {
  t: Translate;
  lang: LabelLanguage;
}

type Kind = 'length' | 'area' | 'angle' | 'bearing';

/** "12.50 m" / "12.50 米"; null for a missing or non-finite value. */
export function quantity(kind: Kind, v: number | null, f: Formatter): string | null {
  if (v === null || !Number.isFinite(v)) return null;
  const r = kind === 'length' ? formatLength(v) : kind === 'area' ? formatArea(v) : kind === 'angle' ? formatAngle(v) : formatBearing(v);
  if (!r.ok) return null;
  return f.t(`tools3d.units.${r.value.unit}`, { v: formatNumber(r.value.value, r.value.decimals, f.lang) });
}

function percent(v: number | null, f: Formatter): string | null {
  return v === null || !Number.isFinite(v) ? null : f.t('tools3d.units.percent', { v: formatNumber(v, 1, f.lang) });
}

const num = (values: ResultValues, key: string): number | null => {
  const v = values[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const str = (values: ResultValues, key: string): string | null => {
  const v = values[key];
  return typeof v === 'string' && v !== '' ? v : null;
};

const lines = (...parts: (string | null)[]): string | null => {
  const kept = parts.filter((p): p is string => p !== null);
  return kept.length > 0 ? kept.join('\n') : null;
};

/** The label text of a kind's values; null when there is nothing to say (a section). */
export function labelText(kind: AnyToolInputs['kind'], values: ResultValues, f: Formatter): string | null {
  const L = (k: string) => quantity('length', num(values, k), f);
  const abs = (k: string) => {
    const v = num(values, k);
    return quantity('length', v === null ? null : Math.abs(v), f);
  };
  switch (kind) {
    case 'measure-distance': {
      const h = L('horizontalM'), v = abs('verticalM');
      return lines(L('distanceM'), h && v ? f.t('tools3d.legs', { h, v }) : null);
    }
    case 'measure-polyline':
      return lines(L('lengthM'));
    case 'measure-area-horizontal':
      return lines(quantity('area', num(values, 'areaM2'), f));
    case 'measure-area-surface': {
      const tilt = quantity('angle', num(values, 'tiltDeg'), f);
      return lines(quantity('area', num(values, 'areaM2'), f), tilt ? f.t('tools3d.tilt', { value: tilt }) : null);
    }
    case 'measure-height': {
      const h = abs('heightM');
      if (!h) return null;
      // Two points carry their horizontal distance too; one point is a height above ground.
      return num(values, 'horizontalM') === null ? f.t('tools3d.heightAboveGround', { value: h }) : f.t('tools3d.heightBetween', { value: h });
    }
    case 'measure-bearing': {
      const b = quantity('bearing', num(values, 'bearingDeg'), f);
      return lines(b ? f.t('tools3d.bearing', { value: b }) : null, L('horizontalM'));
    }
    case 'height-limit': {
      const limit = L('limitM');
      const over = num(values, 'over');
      const excess = over !== null && over > 0 ? L('maxExcessM') : null;
      return lines(
        limit && over !== null ? f.t('tools3d.heightLimit', { limit, over: formatNumber(over, 0, f.lang) }) : null,
        excess ? f.t('tools3d.maxExcess', { value: excess }) : null,
      );
    }
    case 'sight-line': {
      const visible = num(values, 'visible'), targets = num(values, 'targets');
      const blocker = str(values, 'firstBlockerId');
      return lines(
        visible !== null && targets !== null ? f.t('tools3d.sightLine', { visible: formatNumber(visible, 0, f.lang), targets: formatNumber(targets, 0, f.lang) }) : null,
        blocker ? f.t('tools3d.blockedBy', { id: blocker }) : null,
      );
    }
    case 'viewshed': {
      const p = percent(num(values, 'visiblePercent'), f), a = quantity('area', num(values, 'visibleAreaM2'), f);
      return p && a ? f.t('tools3d.viewshed', { percent: p, area: a }) : null;
    }
    case 'skyline': {
      const share = num(values, 'skyShare');
      const p = percent(share === null ? null : share * 100, f);
      return p ? f.t('tools3d.skyline', { share: p }) : null;
    }
    case 'section':
      return null;
  }
}

/** Where a result's label goes: the eye for the viewing tools, the last point otherwise. */
export function labelAnchor(inputs: AnyToolInputs, payload: ToolPayload | null, groundZ: number): Vec3 | null {
  const pts = inputs.points;
  const first = pts[0], last = pts[pts.length - 1];
  let a: Vec3 | null = null;
  switch (inputs.kind) {
    case 'viewshed':
      a = first ? [first[0], first[1], first[2] + inputs.params.eyeHeightM] : null;
      break;
    case 'skyline':
      a = first ? [first[0], first[1], first[2] + (inputs.params.source === 'pick' ? inputs.params.eyeHeightM : 0)] : null;
      break;
    case 'sight-line':
      a = last && pts.length > 1 ? [last[0], last[1], last[2] + inputs.params.targetHeightM] : null;
      break;
    case 'height-limit': {
      // A plot's limit has no drawn points: the payload's ring stands in.
      const ring = payload?.kind === 'height-limit' ? payload.ring : pts.map((p): [number, number] => [p[0], p[1]]);
      const q = ring[ring.length - 1];
      const top = payload?.kind === 'height-limit' ? (payload.shader?.limitZ ?? groundZ + payload.report.limitM) : groundZ + inputs.params.limitM;
      a = q ? [q[0], q[1], top] : null;
      break;
    }
    default:
      a = last ? [last[0], last[1], last[2]] : null;
  }
  return a && a.every(Number.isFinite) ? [a[0], a[1], a[2] + LABEL_LIFT_M] : null;
}

/** The live label of the tool being drawn (the measuring kinds, from its preview inputs), or null. */
export function activeLabel(tool: AnyToolState | null, f: Formatter, groundZ: number): ToolLabel | null {
  const preview = tool && (tool.phase === 'placing' || tool.phase === 'editing') ? previewInputs(tool) : null;
  if (!preview) return null;
  const r = computeResultValues(preview);
  const text = r.ok ? labelText(preview.kind, r.values, f) : null;
  const anchor = text ? labelAnchor(preview, null, groundZ) : null;
  return text && anchor ? { key: ACTIVE_LABEL, anchor, text, tone: '' } : null;
}

/** The kept results' labels, the selected one first (labels are placed in order, first come first served). */
export function resultLabels(results: ResultsList, payloadOf: (id: string) => ToolPayload | null, f: Formatter, groundZ: number): ToolLabel[] {
  const out: ToolLabel[] = [];
  const sel = results.selectedId;
  const ordered = [...results.items].sort((a, b) => Number(b.id === sel) - Number(a.id === sel));
  for (const r of ordered) {
    const text = labelText(r.kind, r.values, f);
    const anchor = text ? labelAnchor(r.inputs, payloadOf(r.id), groundZ) : null;
    if (!text || !anchor) continue;
    const alarm = r.kind === 'height-limit' && (num(r.values, 'over') ?? 0) > 0;
    out.push({ key: r.id, anchor, text, tone: alarm ? 'alarm' : r.id === sel ? 'warning' : '' });
  }
  return out;
}

/**
 * The soak's plot, written by hand as SVG (no charting dependency): small multiples sharing one
 * time axis, one <path> per series (a gap in the data is a new subpath, never a new path), the
 * warm-up shaded grey, page reloads as dashed red lines, zone switches as dotted grey lines and
 * drills as short ticks on the top edge.
 */
import { TREND_SERIES, type SoakKey, type SoakSample } from './sample';

export interface PlotSeries {
  label: string;
  /** [seconds, value]; null or a non-finite value is a gap. */
  points: readonly (readonly [number, number | null])[];
}

export interface PlotPanel {
  title: string;
  unit: string;
  series: readonly PlotSeries[];
}

export interface PlotEvent {
  tS: number;
  kind: 'reload' | 'drill' | 'zone';
  label: string;
}

export interface PlotOptions {
  title: string;
  /** Seconds of warm-up, shaded. */
  warmupS?: number;
  events?: readonly PlotEvent[];
  /** Width of the whole picture, px. */
  width?: number;
  columns?: number;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const PANEL_H = 190;
const PAD = { left: 62, right: 14, top: 34, bottom: 30 };

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Round tick values covering [lo, hi], about `count` of them (1, 2, 5 × 10^k steps). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const d = Math.abs(lo) > 0 ? Math.abs(lo) * 0.05 : 1;
    lo -= d;
    hi += d;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  const first = Math.floor(lo / step + 1e-9), last = Math.ceil(hi / step - 1e-9);
  for (let k = first; k <= last; k++) out.push(+(k * step).toPrecision(12));
  return out;
}

function fmt(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(1)}k`;
  if (a >= 100 || v === 0) return String(Math.round(v));
  return String(+v.toPrecision(3));
}

function finiteValues(panel: PlotPanel): number[] {
  const out: number[] = [];
  for (const s of panel.series) for (const [, v] of s.points) if (v !== null && Number.isFinite(v)) out.push(v);
  return out;
}

/** One series as path data in the panel's pixel space; '' when it has no finite point. */
export function pathData(points: PlotSeries['points'], x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let open = false;
  let runLen = 0;
  for (const [t, v] of points) {
    if (v === null || !Number.isFinite(v) || !Number.isFinite(t)) {
      if (open && runLen === 1) d += 'l0 0';
      open = false;
      continue;
    }
    d += `${open ? 'L' : 'M'}${x(t).toFixed(1)} ${y(v).toFixed(1)}`;
    runLen = open ? runLen + 1 : 1;
    open = true;
  }
  // A lone point draws as a dot (round caps), so one good sample between gaps is still visible.
  if (open && runLen === 1) d += 'l0 0';
  return d;
}

export function renderPlot(panels: readonly PlotPanel[], o: PlotOptions): string {
  const width = o.width ?? 1100;
  const columns = Math.max(1, o.columns ?? 2);
  const rows = Math.ceil(panels.length / columns);
  const headerH = 40;
  const height = headerH + rows * PANEL_H;
  const panelW = width / columns;
  let tMin = Infinity, tMax = -Infinity;
  for (const p of panels) for (const s of p.series) for (const [t] of s.points) if (Number.isFinite(t)) {
    tMin = Math.min(tMin, t);
    tMax = Math.max(tMax, t);
  }
  if (!Number.isFinite(tMin)) {
    tMin = 0;
    tMax = 1;
  }
  if (tMax === tMin) tMax = tMin + 1;
  const inHours = tMax - tMin > 3 * 3600;
  const tUnit = inHours ? 3600 : 60;
  const timeTicks = niceTicks(tMin / tUnit, tMax / tUnit, 6).filter((v) => v * tUnit >= tMin - 1e-9 && v * tUnit <= tMax + 1e-9);

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  parts.push(`<text x="${PAD.left}" y="24" font-size="15" font-weight="bold">${escapeXml(o.title)}</text>`);

  panels.forEach((panel, i) => {
    const ox = (i % columns) * panelW;
    const oy = headerH + Math.floor(i / columns) * PANEL_H;
    const x0 = ox + PAD.left, x1 = ox + panelW - PAD.right;
    const y0 = oy + PAD.top, y1 = oy + PANEL_H - PAD.bottom;
    const vals = finiteValues(panel);
    const vTicks = vals.length ? niceTicks(Math.min(...vals), Math.max(...vals), 4) : [0, 1];
    const vLo = vTicks[0]!, vHi = vTicks[vTicks.length - 1]!;
    const x = (t: number) => x0 + ((t - tMin) / (tMax - tMin)) * (x1 - x0);
    const y = (v: number) => y1 - ((v - vLo) / (vHi - vLo || 1)) * (y1 - y0);
    parts.push(`<g class="panel" data-title="${escapeXml(panel.title)}">`);
    parts.push(`<text x="${x0}" y="${oy + 16}" font-weight="bold">${escapeXml(panel.title)}${panel.unit ? ` (${escapeXml(panel.unit)})` : ''}</text>`);
    if (o.warmupS !== undefined && o.warmupS > tMin) {
      const wx = Math.min(x1, x(o.warmupS));
      parts.push(`<rect x="${x0}" y="${y0}" width="${(wx - x0).toFixed(1)}" height="${y1 - y0}" fill="#eee"><title>warm-up</title></rect>`);
    }
    for (const v of vTicks) {
      const yy = y(v).toFixed(1);
      parts.push(`<line x1="${x0}" y1="${yy}" x2="${x1}" y2="${yy}" stroke="#ddd"/>`);
      parts.push(`<text x="${x0 - 4}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="#555">${fmt(v)}</text>`);
    }
    for (const tv of timeTicks) {
      const xx = x(tv * tUnit).toFixed(1);
      parts.push(`<line x1="${xx}" y1="${y1}" x2="${xx}" y2="${y1 + 4}" stroke="#555"/>`);
      parts.push(`<text x="${xx}" y="${y1 + 15}" text-anchor="middle" fill="#555">${fmt(tv)}</text>`);
    }
    parts.push(`<text x="${x1}" y="${y1 + 26}" text-anchor="end" fill="#555">${inHours ? 'h' : 'min'}</text>`);
    parts.push(`<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" fill="none" stroke="#999"/>`);
    for (const ev of o.events ?? []) {
      if (ev.tS < tMin || ev.tS > tMax) continue;
      const xx = x(ev.tS).toFixed(1);
      if (ev.kind === 'reload') parts.push(`<line x1="${xx}" y1="${y0}" x2="${xx}" y2="${y1}" stroke="#d00" stroke-dasharray="4 3"><title>${escapeXml(ev.label)}</title></line>`);
      else if (ev.kind === 'zone') parts.push(`<line x1="${xx}" y1="${y0}" x2="${xx}" y2="${y1}" stroke="#888" stroke-dasharray="1 3"><title>${escapeXml(ev.label)}</title></line>`);
      else parts.push(`<line x1="${xx}" y1="${y0}" x2="${xx}" y2="${y0 + 6}" stroke="#e69500" stroke-width="2"><title>${escapeXml(ev.label)}</title></line>`);
    }
    let legendX = x0 + 8;
    panel.series.forEach((s, k) => {
      const color = COLORS[k % COLORS.length]!;
      const d = pathData(s.points, x, y);
      if (d) parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"><title>${escapeXml(s.label)}</title></path>`);
      const label = d ? s.label : `${s.label} (no data)`;
      parts.push(`<text x="${legendX}" y="${oy + 28}" fill="${color}">${escapeXml(label)}</text>`);
      legendX += 8 + label.length * 6;
    });
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** Which samples' columns go into which panel of the soak's picture. */
const PANEL_LAYOUT: readonly { title: string; keys: readonly SoakKey[] }[] = [
  { title: 'Heap', keys: ['heapPostGcBytes', 'jsHeapBytes'] },
  { title: 'GPU objects (renderer.info)', keys: ['geometries', 'textures', 'programs'] },
  { title: 'Tile cache', keys: ['tileCacheBytes'] },
  { title: 'DOM nodes', keys: ['domNodes'] },
  { title: 'Listeners and timers', keys: ['jsListeners', 'ourListeners', 'ourTimers'] },
  { title: 'Frame time p95', keys: ['frameP95Ms'] },
];

export function soakPanels(samples: readonly SoakSample[]): PlotPanel[] {
  return PANEL_LAYOUT.map(({ title, keys }) => {
    const defs = keys.map((k) => TREND_SERIES.find((s) => s.key === k)!);
    const units = [...new Set(defs.map((d) => d.unit))].filter(Boolean);
    return {
      title,
      unit: units.join(', '),
      series: defs.map((d) => ({
        label: d.label,
        points: samples.map((s) => {
          const v = s[d.key];
          return [s.tS, typeof v === 'number' ? v / d.scale : null] as const;
        }),
      })),
    };
  });
}

/** Reloads (where the reload counter went up), drills (where drillsSent did) and zone switches as plot events. */
export function soakEvents(samples: readonly SoakSample[]): PlotEvent[] {
  const out: PlotEvent[] = [];
  let zone = samples[0]?.zone ?? '';
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!, b = samples[i]!;
    if (b.zone && zone && b.zone !== zone) out.push({ tS: b.tS, kind: 'zone', label: `zone ${zone} → ${b.zone}` });
    if (b.zone) zone = b.zone;
    if (b.reloads > a.reloads) out.push({ tS: b.tS, kind: 'reload', label: `page reload #${b.reloads}` });
    if (b.drillsSent > a.drillsSent) out.push({ tS: b.tS, kind: 'drill', label: `drill #${b.drillsSent}` });
  }
  return out;
}

/**
 * Pure logic of the sensor layer: threshold state per buffer slot without allocating per frame,
 * and the heatmap (inverse-distance weighting of the stations of one type onto a grid, faded
 * with distance from the nearest station so the map does not claim knowledge it lacks).
 */
import type { SensorThresholdSpec } from '../../scene/schema';
import { classifySensor, LEVEL_CODE, resolveThresholds, type Reading, type Thresholds } from '../../analysis/live/thresholds';
import { hexToRgb } from '../../analysis/live/congestion';
import type { SensorBuffer } from '../../feed/ingest/SensorBuffer';

const QUALITIES = ['good', 'suspect', 'bad'] as const;
const reading: Reading = { value: null, stale: true, quality: null, pending: false };

/** Thresholds of every slot, resolved once per catalogue change. */
export function resolveSlotThresholds(buf: SensorBuffer, scene: Readonly<Record<string, SensorThresholdSpec>>, out: (Thresholds | null)[]): void {
  out.length = buf.count;
  for (let i = 0; i < buf.count; i++) {
    const info = buf.infos[i];
    out[i] = resolveThresholds(buf.types[i] ?? info?.type ?? '', info?.thresholds, info?.capacity, scene);
  }
}

/** Level code (LEVEL_CODE) of one slot, from its reading and thresholds. */
export function slotLevel(buf: SensorBuffer, i: number, t: Thresholds | null): number {
  const has = buf.hasValue[i] === 1;
  reading.value = has ? buf.values[i]! : null;
  reading.stale = buf.stale[i] === 1 || !has;
  reading.quality = has ? QUALITIES[buf.quality[i]!] ?? null : null;
  reading.pending = !has && buf.pending[i] === 1;
  return LEVEL_CODE[classifySensor(reading, t)];
}

export interface HeatPoint {
  x: number;
  y: number;
  v: number;
}

export interface HeatScale {
  /** Band lower bounds (ascending) and their colours; values below the first use the first. */
  stops: readonly (readonly [number, string])[];
}

/** China's AQI categories (HJ 633-2012): good, moderate, unhealthy for some, unhealthy, very, hazardous. */
export const AQI_SCALE: HeatScale = {
  stops: [[0, '#00e400'], [51, '#ffff00'], [101, '#ff7e00'], [151, '#ff0000'], [201, '#99004c'], [301, '#7e0023']],
};

/** Road-side noise bands around GB 3096-2008 limits (55 quiet areas … 70 trunk roads by day), dB(A). */
export const NOISE_SCALE: HeatScale = {
  stops: [[0, '#22c55e'], [55, '#a3e635'], [65, '#facc15'], [70, '#f97316'], [75, '#dc2626']],
};

export function scaleColor(scale: HeatScale, v: number, out: number[]): number[] {
  let hex = scale.stops[0]![1];
  for (const [from, c] of scale.stops) if (v >= from) hex = c;
  return hexToRgb(hex, out);
}

export interface HeatGrid {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  width: number;
  height: number;
}

/** Grid over the points' extent plus the fade radius, so every station's surroundings fit. */
export function heatExtent(points: readonly HeatPoint[], radiusM: number, cells: number): HeatGrid | null {
  if (points.length === 0) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x); minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  }
  minX -= radiusM; minY -= radiusM; maxX += radiusM; maxY += radiusM;
  const w = maxX - minX, h = maxY - minY;
  const width = w >= h ? cells : Math.max(8, Math.round((cells * w) / h));
  const height = h >= w ? cells : Math.max(8, Math.round((cells * h) / w));
  return { minX, minY, maxX, maxY, width, height };
}

const rgb = [0, 0, 0];

/**
 * Fills RGBA8 `out` (row 0 = south edge, as WebGL textures are laid out) with IDW (power 2) values coloured by the
 * scale; alpha falls from maxAlpha at a station to 0 at radiusM from the nearest one.
 */
export function renderHeatmap(points: readonly HeatPoint[], grid: HeatGrid, scale: HeatScale, radiusM: number, maxAlpha: number, out: Uint8Array): void {
  const { width, height, minX, minY } = grid;
  const cw = (grid.maxX - grid.minX) / width, ch = (grid.maxY - grid.minY) / height;
  for (let row = 0; row < height; row++) {
    const y = minY + (row + 0.5) * ch;
    for (let col = 0; col < width; col++) {
      const x = minX + (col + 0.5) * cw;
      let wsum = 0, vsum = 0, dmin = Infinity, exact = Number.NaN;
      for (const p of points) {
        const d2 = (p.x - x) ** 2 + (p.y - y) ** 2;
        if (d2 < 1) {
          exact = p.v;
          dmin = 0;
          break;
        }
        const w = 1 / d2;
        wsum += w;
        vsum += w * p.v;
        dmin = Math.min(dmin, Math.sqrt(d2));
      }
      const v = Number.isNaN(exact) ? (wsum > 0 ? vsum / wsum : 0) : exact;
      const k = (row * width + col) * 4;
      const a = Math.max(0, 1 - dmin / radiusM);
      scaleColor(scale, v, rgb);
      out[k] = Math.round(rgb[0]! * 255);
      out[k + 1] = Math.round(rgb[1]! * 255);
      out[k + 2] = Math.round(rgb[2]! * 255);
      out[k + 3] = Math.round(Math.sqrt(a) * maxAlpha * 255);
    }
  }
}

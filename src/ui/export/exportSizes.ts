/**
 * The export's resolution choices and its file name. A choice is a factor of the window: the
 * image is factor × the window's CSS size × devicePixelRatio, rounded to whole pixels, so 2× of a
 * 1280×720 window at devicePixelRatio 1 is 2560×1440. A longer side over MAX_EXPORT_EDGE_PX is
 * scaled down to it, keeping the aspect (a 4K wall at 2× would need 7680 px and more GPU memory
 * than a browser will give one canvas).
 */
import { formatMinutes, toShanghaiParts } from '../../app/shanghaiTime';

export const EXPORT_FACTORS = [1, 1.5, 2] as const;
export type ExportFactor = (typeof EXPORT_FACTORS)[number];

export const MAX_EXPORT_EDGE_PX = 8192;

export interface ExportSize {
  factor: ExportFactor;
  width: number;
  height: number;
  /** Scaled down to MAX_EXPORT_EDGE_PX. */
  capped: boolean;
}

export function exportSize(factor: ExportFactor, cssW: number, cssH: number, dpr: number): ExportSize {
  const ratio = Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
  let width = Math.max(1, Math.round(factor * cssW * ratio));
  let height = Math.max(1, Math.round(factor * cssH * ratio));
  const edge = Math.max(width, height);
  const capped = edge > MAX_EXPORT_EDGE_PX;
  if (capped) {
    const k = MAX_EXPORT_EDGE_PX / edge;
    width = Math.max(1, Math.round(width * k));
    height = Math.max(1, Math.round(height * k));
  }
  return { factor, width, height, capped };
}

export function exportSizes(cssW: number, cssH: number, dpr: number): ExportSize[] {
  return EXPORT_FACTORS.map((f) => exportSize(f, cssW, cssH, dpr));
}

/** "2025-06-21 14:30", Shanghai time whatever the machine's zone. */
export function exportTime(ms: number): string {
  const p = toShanghaiParts(ms);
  return `${p.date} ${formatMinutes(p.minutes)}`;
}

/** `shentwin-<zone>-<yyyyMMdd-HHmm>.png`, Shanghai time; the zone id reduced to safe characters. */
export function exportFileName(zoneId: string, ms: number): string {
  const p = toShanghaiParts(ms);
  const zone = zoneId.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'zone';
  return `shentwin-${zone}-${p.date.replace(/-/g, '')}-${formatMinutes(p.minutes).replace(':', '')}.png`;
}

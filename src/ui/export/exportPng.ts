/**
 * Makes the exported PNG: one shot of the view at the chosen size (state/viewCapture), the
 * burnt-in title bar, legend, north arrow, scale bar, timestamp and attribution drawn over it on
 * a 2D canvas (positions from exportLayout), encoded as a PNG Blob.
 *
 * Title bar and attribution strip are opaque, so their text reads on any view. The scale is
 * metres per pixel at the image centre (exportCamera: distance to where the centre ray meets the
 * ground × 2 tan(vFov / 2) / image height), labelled 示意 when the camera is tilted.
 * Failures are typed (ExportError.reason) so the dialog can say what happened.
 */
import type { Scene } from '../../scene/schema';
import { captureView, type ShotSize, type ViewShot } from '../../state/viewCapture';
import type { Language } from '../../state/viewSlice';
import { localText } from '../localText';
import { shotGeometry } from './exportCamera';
import { exportFont, exportLayout, type ExportLayout, type LegendEntry, type Measure, type Rect, type TextRun } from './exportLayout';
import { exportLegend, type LegendState, type Translate } from './exportLegend';
import { exportFileName, exportTime } from './exportSizes';

export type ExportFailure = 'contextLost' | 'tainted' | 'noView' | 'encode' | 'other';

export class ExportError extends Error {
  readonly reason: ExportFailure;
  constructor(reason: ExportFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Colours of the burnt-in furniture: the app's dark panel palette. */
export const EXPORT_COLORS = {
  bar: '#0b1220',
  title: '#f1f5f9',
  timestamp: '#cbd5e1',
  attribution: '#e2e8f0',
  panel: 'rgba(11, 18, 32, 0.84)',
  panelEdge: 'rgba(255, 255, 255, 0.18)',
  heading: '#93c5fd',
  text: '#e2e8f0',
  north: '#ef4444',
  south: '#e2e8f0',
  scaleDark: '#0f172a',
  scaleLight: '#f8fafc',
  note: '#fbbf24',
} as const;

export interface ExportRequest {
  scene: Scene;
  lang: Language;
  /** Fixed to `lang`. */
  t: Translate;
  size: ShotSize;
  nowMs: number;
  legend: LegendState;
  /** Injected for tests; the mounted view's capturer by default. */
  capture?: (size: ShotSize) => Promise<ViewShot | null>;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  width: number;
  height: number;
  layout: ExportLayout;
  renderedPx: { width: number; height: number };
}

function canvasMeasure(ctx: CanvasRenderingContext2D): Measure {
  return (text, px, bold) => {
    ctx.font = exportFont(px, bold);
    return ctx.measureText(text).width;
  };
}

function drawText(ctx: CanvasRenderingContext2D, run: TextRun, color: string): void {
  ctx.font = exportFont(run.fontPx, run.bold);
  ctx.fillStyle = color;
  ctx.textAlign = run.align;
  ctx.textBaseline = 'middle';
  ctx.fillText(run.text, run.x, run.y);
}

function panel(ctx: CanvasRenderingContext2D, r: Rect, s: number): void {
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, 6 * s);
  ctx.fillStyle = EXPORT_COLORS.panel;
  ctx.fill();
  ctx.lineWidth = Math.max(1, s);
  ctx.strokeStyle = EXPORT_COLORS.panelEdge;
  ctx.stroke();
}

function drawEntry(ctx: CanvasRenderingContext2D, e: LegendEntry, s: number): void {
  if (e.kind !== 'item') {
    drawText(ctx, e.text, e.kind === 'heading' ? EXPORT_COLORS.heading : EXPORT_COLORS.text);
    return;
  }
  const b = e.swatch;
  ctx.fillStyle = e.color;
  if (e.shape === 'dot') {
    ctx.beginPath();
    ctx.arc(b.x + b.w / 2, b.y + b.h / 2, b.w * 0.4, 0, 2 * Math.PI);
    ctx.fill();
  } else if (e.shape === 'line') {
    ctx.fillRect(b.x, b.y + b.h / 2 - 1.5 * s, b.w, 3 * s);
  } else {
    ctx.fillRect(b.x, b.y, b.w, b.h);
  }
  drawText(ctx, e.text, EXPORT_COLORS.text);
}

function drawNorth(ctx: CanvasRenderingContext2D, n: ExportLayout['north'], s: number): void {
  ctx.beginPath();
  ctx.arc(n.cx, n.cy, n.r, 0, 2 * Math.PI);
  ctx.fillStyle = EXPORT_COLORS.panel;
  ctx.fill();
  ctx.lineWidth = Math.max(1, s);
  ctx.strokeStyle = EXPORT_COLORS.panelEdge;
  ctx.stroke();
  ctx.save();
  ctx.translate(n.cx, n.cy);
  ctx.rotate(n.rotationRad);
  const tip = n.r * 0.82;
  const half = n.r * 0.3;
  for (const [dir, color] of [[-1, EXPORT_COLORS.north], [1, EXPORT_COLORS.south]] as const) {
    ctx.beginPath();
    ctx.moveTo(0, dir * tip);
    ctx.lineTo(half, 0);
    ctx.lineTo(-half, 0);
    ctx.closePath();
    ctx.fillStyle = color;
    ctx.fill();
  }
  ctx.restore();
  // Upright, beside the circle on the north side, so it reads whatever the heading.
  const x = n.cx + Math.sin(n.rotationRad) * n.labelDistance;
  const y = n.cy - Math.cos(n.rotationRad) * n.labelDistance;
  ctx.lineWidth = 3 * s;
  ctx.strokeStyle = EXPORT_COLORS.bar;
  ctx.font = exportFont(n.fontPx, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.strokeText(n.label, x, y);
  ctx.fillStyle = EXPORT_COLORS.title;
  ctx.fillText(n.label, x, y);
}

function drawScale(ctx: CanvasRenderingContext2D, sb: NonNullable<ExportLayout['scaleBar']>, s: number): void {
  panel(ctx, sb.plate, s);
  const { bar } = sb;
  ctx.fillStyle = EXPORT_COLORS.scaleDark;
  ctx.fillRect(bar.x, bar.y, bar.w, bar.h);
  ctx.fillStyle = EXPORT_COLORS.scaleLight;
  ctx.fillRect(bar.x, bar.y, bar.w / 2, bar.h);
  ctx.lineWidth = Math.max(1, s);
  ctx.strokeStyle = EXPORT_COLORS.scaleLight;
  ctx.strokeRect(bar.x, bar.y, bar.w, bar.h);
  drawText(ctx, sb.label, EXPORT_COLORS.text);
  if (sb.note) drawText(ctx, sb.note, EXPORT_COLORS.note);
}

/** Draws the furniture of `layout` over the view already on `ctx`. */
export function drawExportLayout(ctx: CanvasRenderingContext2D, layout: ExportLayout): void {
  const s = layout.scale;
  ctx.fillStyle = EXPORT_COLORS.bar;
  ctx.fillRect(layout.titleBar.x, layout.titleBar.y, layout.titleBar.w, layout.titleBar.h);
  for (const r of layout.title) drawText(ctx, r, EXPORT_COLORS.title);
  for (const r of layout.timestamp) drawText(ctx, r, EXPORT_COLORS.timestamp);
  if (layout.legend) {
    panel(ctx, layout.legend.box, s);
    drawText(ctx, layout.legend.title, EXPORT_COLORS.title);
    for (const e of layout.legend.entries) drawEntry(ctx, e, s);
  }
  drawNorth(ctx, layout.north, s);
  if (layout.scaleBar) drawScale(ctx, layout.scaleBar, s);
  const a = layout.attribution.box;
  ctx.fillStyle = EXPORT_COLORS.bar;
  ctx.fillRect(a.x, a.y, a.w, a.h);
  for (const r of layout.attribution.lines) drawText(ctx, r, EXPORT_COLORS.attribution);
}

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob((b) => (b ? resolve(b) : reject(new ExportError('encode', 'toBlob gave no PNG'))), 'image/png');
    } catch (e) {
      // A canvas that drew a cross-origin image without CORS can no longer be read.
      if (e instanceof DOMException && e.name === 'SecurityError') reject(new ExportError('tainted', e.message));
      else reject(new ExportError('encode', (e as Error).message));
    }
  });
}

async function shoot(req: ExportRequest): Promise<ViewShot> {
  let shot: ViewShot | null;
  try {
    shot = await (req.capture ?? captureView)(req.size);
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    throw new ExportError(/context lost/i.test(message) ? 'contextLost' : 'other', message);
  }
  if (!shot) throw new ExportError('noView', 'no view that can capture is mounted');
  return shot;
}

export async function exportPng(req: ExportRequest): Promise<ExportResult> {
  const shot = await shoot(req);
  const { width, height } = req.size;
  const ctx = shot.image.getContext('2d');
  if (!ctx) throw new ExportError('other', 'no 2D canvas context');
  const geom = shotGeometry(shot.camera, height);
  const { t, scene, lang } = req;
  const layout = exportLayout({
    width,
    height,
    title: t('export.imageTitle', { zone: scene.name[lang] }),
    timestamp: t('export.timestamp', { time: exportTime(req.nowMs) }),
    attribution: [...scene.attribution.map((a) => localText(a.text, lang)), ...shot.credits],
    legendTitle: t('export.legendTitle'),
    legend: exportLegend(scene, req.legend, t, lang),
    legendMore: (n) => t('export.legendMore', { n }),
    northLabel: t('export.north'),
    headingRad: geom.headingRad,
    metresPerPixel: geom.metresPerPixel,
    scaleNote: geom.approximate ? t('export.scaleNote') : null,
    measure: canvasMeasure(ctx),
  });
  drawExportLayout(ctx, layout);
  const blob = await toPng(shot.image);
  return { blob, fileName: exportFileName(scene.id, req.nowMs), width, height, layout, renderedPx: shot.renderedPx };
}

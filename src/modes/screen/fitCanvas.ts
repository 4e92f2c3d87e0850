/**
 * The 大屏 HUD is laid out once on a fixed design canvas (1920×1080 by default) and scaled as a
 * whole to the screen, the way operation-centre dashboards are specified, so a panel keeps its
 * place on any wall. "Contain": the whole canvas is visible, centred, with bars on the sides
 * (pillarbox) or top and bottom (letterbox). The 3D view is not on this canvas: it fills the whole
 * viewport at native resolution (renderPixelRatio), and only the HUD is scaled.
 */
import { parsedError, parsedOk, parseInteger, type Parsed } from '../parsed';

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The host element's box in client (CSS) pixels; left/top default to 0 (the whole window). */
export interface Viewport extends Size {
  left?: number;
  top?: number;
}

export const DESIGN_FHD: Size = Object.freeze({ width: 1920, height: 1080 });
export const DESIGN_UHD: Size = Object.freeze({ width: 3840, height: 2160 });
export const DESIGN_MIN_PX = 160;
export const DESIGN_MAX_PX = 16_384;

export interface CanvasFit {
  design: Size;
  /** CSS pixels per design pixel. Zero when the viewport has no area (a minimised window). */
  scale: number;
  /** The scaled canvas's top-left inside the viewport element, CSS pixels (not rounded). */
  offsetX: number;
  offsetY: number;
  /** The scaled canvas's size, CSS pixels. */
  width: number;
  height: number;
  /** A client point (e.g. PointerEvent.clientX/Y) in design pixels; null when scale is zero. Outside the canvas gives coordinates outside [0, size]. */
  toDesign(client: Point): Point | null;
  /** A design point in client pixels, e.g. to place a DOM tooltip over a HUD element. */
  toClient(design: Point): Point;
}

function area(s: Size): boolean {
  return Number.isFinite(s.width) && Number.isFinite(s.height) && s.width > 0 && s.height > 0;
}

export function fitCanvas(design: Size, viewport: Viewport): CanvasFit {
  if (!area(design)) throw new RangeError(`design canvas must have a finite positive size, got ${design.width}×${design.height}`);
  const left = finiteOr0(viewport.left), top = finiteOr0(viewport.top);
  const scale = area(viewport) ? Math.min(viewport.width / design.width, viewport.height / design.height) : 0;
  const width = design.width * scale, height = design.height * scale;
  const offsetX = scale > 0 ? (viewport.width - width) / 2 : 0;
  const offsetY = scale > 0 ? (viewport.height - height) / 2 : 0;
  return {
    design: { width: design.width, height: design.height },
    scale, offsetX, offsetY, width, height,
    toDesign: (p) => (scale > 0 ? { x: (p.x - left - offsetX) / scale, y: (p.y - top - offsetY) / scale } : null),
    toClient: (p) => ({ x: left + offsetX + p.x * scale, y: top + offsetY + p.y * scale }),
  };
}

function finiteOr0(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) ? v : 0;
}

const NAMED_DESIGNS: Record<string, Size> = { fhd: DESIGN_FHD, '1080p': DESIGN_FHD, uhd: DESIGN_UHD, '4k': DESIGN_UHD };

/** "1920x1080", "3840×2160", or a name: fhd, 1080p, uhd, 4k. From a URL parameter, so untrusted. */
export function parseDesignSize(text: string): Parsed<Size> {
  const t = text.trim().toLowerCase();
  const named = NAMED_DESIGNS[t];
  if (named) return parsedOk({ width: named.width, height: named.height });
  const parts = t.split(/[x×]/);
  if (parts.length !== 2) return parsedError(`design size "${text}" should look like 1920x1080`);
  const [w, h] = parts.map((p) => parseInteger(p));
  if (w == null || h == null) return parsedError(`design size "${text}": width and height must be whole numbers`);
  for (const v of [w, h]) {
    if (v < DESIGN_MIN_PX || v > DESIGN_MAX_PX) {
      return parsedError(`design size "${text}": each side must be between ${DESIGN_MIN_PX} and ${DESIGN_MAX_PX} px`);
    }
  }
  return parsedOk({ width: w, height: h });
}

export interface RenderCap {
  /**
   * The most device pixels per CSS pixel to render, whatever the screen offers (the usual
   * `min(devicePixelRatio, 2)`). Absent: no cap beyond native.
   */
  renderScaleCap?: number;
  /** The most pixels to render in all, e.g. 3840×2160 on an 8K wall whose GPU cannot fill 8K. */
  maxRenderPixels?: number;
}

/**
 * The pixel ratio to give the WebGL renderer for a full-bleed canvas of cssW×cssH. Native device
 * pixels, never more (supersampling a wall costs fill rate for nothing visible), lowered to the
 * caps. Always finite and > 0, whatever the browser reports, so NaN never reaches the GPU.
 */
export function renderPixelRatio(devicePixelRatio: number, cssW: number, cssH: number, cap: RenderCap = {}): number {
  let ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  if (cap.renderScaleCap !== undefined && Number.isFinite(cap.renderScaleCap) && cap.renderScaleCap > 0) {
    ratio = Math.min(ratio, cap.renderScaleCap);
  }
  const cssPixels = cssW * cssH;
  if (cap.maxRenderPixels !== undefined && cap.maxRenderPixels > 0 && Number.isFinite(cssPixels) && cssPixels > 0) {
    // Pixels grow with the square of the ratio.
    ratio = Math.min(ratio, Math.sqrt(cap.maxRenderPixels / cssPixels));
  }
  return ratio;
}

/**
 * Pixel checks on a screenshot, for the one "is anything drawn" test per view. The PNG is decoded
 * by Chromium itself in a blank page of the same browser (no image library needed in Node), and
 * only summary numbers come back.
 */
import type { Page } from 'playwright-core';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface PixelStats {
  width: number;
  height: number;
  /** Standard deviation of luma (0–255) over all pixels: ~0 means a blank, one-colour canvas. */
  lumaStdDev: number;
  /** Number of distinct colours after quantising each channel to 4 bits. */
  distinctColours: number;
  /** Per reference colour, how many pixels lie within `tolerance` (max channel difference). */
  nearCounts: number[];
}

export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return { r: parseInt(m[1] ?? '0', 16), g: parseInt(m[2] ?? '0', 16), b: parseInt(m[3] ?? '0', 16) };
}

export async function pixelStats(page: Page, png: Buffer, refs: Rgb[] = [], tolerance = 24): Promise<PixelStats> {
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(
      async ({ b64, refs: colours, tol }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const n = canvas.width * canvas.height;
        let sum = 0, sumSq = 0;
        const seen = new Set<number>();
        const near = colours.map(() => 0);
        for (let i = 0; i < d.length; i += 4) {
          const r = d[i] ?? 0, g = d[i + 1] ?? 0, b = d[i + 2] ?? 0;
          const y = 0.299 * r + 0.587 * g + 0.114 * b;
          sum += y;
          sumSq += y * y;
          seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
          colours.forEach((c, k) => {
            if (Math.abs(c.r - r) <= tol && Math.abs(c.g - g) <= tol && Math.abs(c.b - b) <= tol) near[k] = (near[k] ?? 0) + 1;
          });
        }
        const mean = sum / n;
        return {
          width: canvas.width,
          height: canvas.height,
          lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
          distinctColours: seen.size,
          nearCounts: near,
        };
      },
      { b64: png.toString('base64'), refs, tol: tolerance },
    );
  } finally {
    await scratch.close();
  }
}

/**
 * How many pixels differ between two same-sized screenshots by more than `tolerance` in any
 * channel, as a fraction of all pixels. Used to show that a layer really draws something.
 */
export async function changedFraction(
  page: Page,
  a: Buffer,
  b: Buffer,
  tolerance = 16,
  rect?: { x: number; y: number; w: number; h: number },
): Promise<number> {
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(
      async ({ a64, b64, tol, r }) => {
        const decode = async (b: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b}`;
          await img.decode();
          const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
          const ctx = c.getContext('2d');
          if (!ctx) throw new Error('no 2d context');
          ctx.drawImage(img, 0, 0);
          return r ? ctx.getImageData(r.x, r.y, Math.max(1, r.w), Math.max(1, r.h)) : ctx.getImageData(0, 0, c.width, c.height);
        };
        const [x, y] = [await decode(a64), await decode(b64)];
        if (x.width !== y.width || x.height !== y.height) throw new Error('screenshots differ in size');
        let changed = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          for (let k = 0; k < 3; k++) {
            if (Math.abs((x.data[i + k] ?? 0) - (y.data[i + k] ?? 0)) > tol) {
              changed++;
              break;
            }
          }
        }
        return changed / (x.width * x.height);
      },
      { a64: a.toString('base64'), b64: b.toString('base64'), tol: tolerance, r: rect ?? null },
    );
  } finally {
    await scratch.close();
  }
}

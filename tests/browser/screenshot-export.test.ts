/**
 * Screenshot export (issue 10) in the planner at 1280×720, English then Chinese:
 * - the dialog's 2× choice downloads `shentwin-westbund-<yyyyMMdd-HHmm>.png` whose IHDR says
 *   2 × 1280 × dpr by 2 × 720 × dpr (the size the dialog documents), then 1× in zh;
 * - the title bar and every attribution line of the scene carry text: their luma spreads far more
 *   than the strips' own empty padding (opaque, so flat), and they have bright (text) pixels;
 * - in zh the burnt-in title is real glyphs: it matches the same text drawn again with the
 *   export's font and differs from a string of characters no font has (tofu boxes).
 * The PNG is decoded by Chromium in a blank page; positions come from the hook's `export.last`.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readDistJson } from '../support/browser-app';
import { saveArtifact, savePageScreenshot } from '../support/browser-artifacts';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import { exportFont, LAYOUT, type ExportLayout, type TextRun } from '../../src/ui/export/exportLayout';
import { EXPORT_COLORS } from '../../src/ui/export/exportPng';

afterAll(closeBrowser);

const VIEWPORT = { width: 1280, height: 720 } as const;
const DEAD_FEED = { feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };

interface LastExport {
  width: number;
  height: number;
  fileName: string;
  language: string;
  layout: ExportLayout;
}
type WithExport = { export: { count: number; last: LastExport | null } | null };

function ihdrSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function exportOnce(page: Page, button: string, choice: RegExp, download: string): Promise<{ png: Buffer; name: string; last: LastExport }> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('radio', { name: choice }).check();
  await savePageScreenshot(page, `screenshot-export/dialog-${button}.png`);
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: download }).click()]);
  const png = await readFile((await dl.path())!);
  await saveArtifact(`screenshot-export/${dl.suggestedFilename().replace(/\.png$/, '')}-${png.readUInt32BE(16)}.png`, png);
  const last = await page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as WithExport).export?.last ?? null)) as LastExport);
  await page.keyboard.press('Escape');
  return { png, name: dl.suggestedFilename(), last };
}

interface Band {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface BandStats {
  lumaStdDev: number;
  brightShare: number;
}
interface Reference {
  run: TextRun;
  font: string;
  color: string;
  background: string;
  tofu: string;
}

/** Luma spread and share of bright (text) pixels per band; optionally the title against redrawn references. */
async function analyse(page: Page, png: Buffer, bands: Band[], ref?: Reference): Promise<{ bands: BandStats[]; real?: number; tofu?: number }> {
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(
      async ({ b64, bands: bs, ref: r }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(img, 0, 0);
        const pixels = (cx: CanvasRenderingContext2D, b: Band) => cx.getImageData(Math.round(b.x), Math.round(b.y), Math.round(b.w), Math.round(b.h)).data;
        const stats = (b: Band) => {
          const d = pixels(ctx, b);
          let sum = 0, sq = 0, bright = 0;
          const n = d.length / 4;
          for (let i = 0; i < d.length; i += 4) {
            const y = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
            sum += y;
            sq += y * y;
            if (y > 150) bright++;
          }
          const mean = sum / n;
          return { lumaStdDev: Math.sqrt(Math.max(0, sq / n - mean * mean)), brightShare: bright / n };
        };
        const out: { bands: BandStats[]; real?: number; tofu?: number } = { bands: bs.map(stats) };
        if (r) {
          // The title's own box: its measured width, a line high, on the opaque bar.
          ctx.font = r.font;
          const w = ctx.measureText(r.run.text).width;
          const box = { x: r.run.x - 2, y: r.run.y - r.run.fontPx * 0.75, w: w + 4, h: r.run.fontPx * 1.5 };
          const drawn = pixels(ctx, box);
          const redraw = (text: string) => {
            const rc = document.createElement('canvas');
            rc.width = c.width;
            rc.height = c.height;
            const x = rc.getContext('2d', { willReadFrequently: true })!;
            x.fillStyle = r.background;
            x.fillRect(0, 0, rc.width, rc.height);
            x.font = r.font;
            x.fillStyle = r.color;
            x.textAlign = 'left';
            x.textBaseline = 'middle';
            x.fillText(text, r.run.x, r.run.y);
            const d = pixels(x, box);
            let diff = 0;
            for (let i = 0; i < d.length; i += 4) diff += Math.abs(d[i]! - drawn[i]!) + Math.abs(d[i + 1]! - drawn[i + 1]!) + Math.abs(d[i + 2]! - drawn[i + 2]!);
            return diff / (d.length / 4) / 3;
          };
          out.real = redraw(r.run.text);
          out.tofu = redraw(r.tofu);
        }
        return out;
      },
      { b64: png.toString('base64'), bands, ref: ref ?? null },
    );
  } finally {
    await scratch.close();
  }
}

const lineBands = (l: ExportLayout): Band[] =>
  l.attribution.lines.map((r) => ({ x: 0, y: r.y - r.fontPx * 0.6, w: l.attribution.box.w, h: r.fontPx * 1.2 }));

describe('screenshot export', () => {
  it('downloads a PNG of the chosen size with title and attribution burnt in, in en and zh', async () => {
    const started = Date.now();
    const scene = readDistJson<{ name: { zh: string; en: string }; attribution: { text: string | { zh: string; en: string } }[] }>('scenes/westbund.json');
    const app = await openApp({ zone: 'westbund', lang: 'en', ...DEAD_FEED });
    const { page } = app;
    try {
      await page.setViewportSize(VIEWPORT);
      await waitForHook(page, (h) => h.ready && h.zoneId === 'westbund' && h.tiles.loaded > 0, 120_000);
      const dpr = await page.evaluate(() => window.devicePixelRatio);
      const canvasBefore = await page.evaluate(() => (window.__shentwin as unknown as { canvas: unknown }).canvas);

      // English, 2× the window.
      const en = await exportOnce(page, 'Export image', /^2× window/, 'Download PNG');
      expect(en.name).toMatch(/^shentwin-westbund-\d{8}-\d{4}\.png$/);
      expect(ihdrSize(en.png)).toEqual({ width: 2 * VIEWPORT.width * dpr, height: 2 * VIEWPORT.height * dpr });
      expect(en.last).toMatchObject({ width: 2 * VIEWPORT.width * dpr, height: 2 * VIEWPORT.height * dpr, fileName: en.name, language: 'en' });
      const l = en.last.layout;
      expect(l.title.map((r) => r.text).join(' ')).toBe(`ShenTwin · ${scene.name.en}`);
      // Every attribution line of the scene is in the strip (wrapping may split one over rows).
      const strip = l.attribution.lines.map((r) => r.text).join(' ');
      for (const a of scene.attribution) expect(strip).toContain(typeof a.text === 'string' ? a.text : a.text.en);
      expect(l.attribution.box.y + l.attribution.box.h).toBe(en.last.height);
      // The live view is back at its own size after the one big frame.
      expect(await page.evaluate(() => (window.__shentwin as unknown as { canvas: unknown }).canvas)).toEqual(canvasBefore);

      // The strips' top padding holds no text: what a blank strip would look like.
      const pads = [
        { x: 0, y: 1, w: l.titleBar.w, h: LAYOUT.titleBarPadY * l.scale - 2 },
        { x: 0, y: l.attribution.box.y + 1, w: l.attribution.box.w, h: LAYOUT.attrPadY * l.scale - 2 },
      ];
      const s = await analyse(page, en.png, [...pads, l.titleBar, ...lineBands(l)]);
      const [titlePad, attrPad, ...texts] = s.bands;
      expect(titlePad!.lumaStdDev).toBeLessThan(1);
      expect(attrPad!.lumaStdDev).toBeLessThan(1);
      for (const b of texts) {
        expect(b.lumaStdDev, 'a text band against the flat strip').toBeGreaterThan(attrPad!.lumaStdDev + 15);
        expect(b.brightShare).toBeGreaterThan(0.01);
      }

      // 中文, 1× the window: the same furniture, the zh title, real glyphs.
      await page.getByRole('button', { name: '中文' }).click();
      const zh = await exportOnce(page, '导出截图', /^1× 窗口/, '下载 PNG');
      expect(ihdrSize(zh.png)).toEqual({ width: VIEWPORT.width * dpr, height: VIEWPORT.height * dpr });
      expect(zh.last.language).toBe('zh');
      const lz = zh.last.layout;
      const title = lz.title[0]!;
      expect(title.text).toBe(`申城孪生 · ${scene.name.zh}`);
      const zs = await analyse(page, zh.png, [lz.titleBar, ...lineBands(lz)], {
        run: title,
        font: exportFont(title.fontPx, title.bold),
        color: EXPORT_COLORS.title,
        background: EXPORT_COLORS.bar,
        // Private-use characters: no font has them, so they draw as the missing-glyph box.
        tofu: '\ue000'.repeat([...title.text].length),
      });
      for (const b of zs.bands) expect(b.lumaStdDev).toBeGreaterThan(15);
      expect(zs.real!, 'burnt-in title vs the same text redrawn').toBeLessThan(4);
      expect(zs.tofu!, 'burnt-in title vs tofu boxes').toBeGreaterThan(zs.real! + 10);

      const counts = await page.evaluate(() => window.__shentwin!.errorCounts);
      expect(counts.webgl).toBe(0);
      expect(app.pageErrors).toEqual([]);
      console.log(`screenshot-export: ${(Date.now() - started) / 1000} s; title diff real ${zs.real!.toFixed(2)} vs tofu ${zs.tofu!.toFixed(2)}`);
    } finally {
      await app.close();
    }
  });
});

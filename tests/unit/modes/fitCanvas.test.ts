import { describe, expect, it } from 'vitest';
import { DESIGN_FHD, DESIGN_UHD, fitCanvas, parseDesignSize, renderPixelRatio } from '../../../src/modes/screen/fitCanvas';

describe('fitCanvas', () => {
  it('pillarboxes a 3840×2160 design in a 2560×1080 viewport', () => {
    const f = fitCanvas(DESIGN_UHD, { width: 2560, height: 1080 });
    expect([f.scale, f.offsetX, f.offsetY, f.width, f.height]).toEqual([0.5, 320, 0, 1920, 1080]);
    expect(f.toDesign({ x: 320, y: 0 })).toEqual({ x: 0, y: 0 });
    expect(f.toDesign({ x: 2240, y: 1080 })).toEqual({ x: 3840, y: 2160 });
    expect(f.toDesign({ x: 1280, y: 540 })).toEqual({ x: 1920, y: 1080 });
    // In the bar: outside the design.
    expect(f.toDesign({ x: 100, y: 10 })).toEqual({ x: -440, y: 20 });
    expect(f.toClient({ x: 3840, y: 0 })).toEqual({ x: 2240, y: 0 });
  });

  it('letterboxes a 3840×2160 design in a 1080×1920 viewport', () => {
    const f = fitCanvas(DESIGN_UHD, { width: 1080, height: 1920 });
    expect([f.scale, f.offsetX, f.offsetY, f.width, f.height]).toEqual([0.28125, 0, 656.25, 1080, 607.5]);
    expect(f.toDesign({ x: 540, y: 960 })).toEqual({ x: 1920, y: 1080 });
    expect(f.toDesign({ x: 0, y: 656.25 })).toEqual({ x: 0, y: 0 });
    expect(f.toClient({ x: 3840, y: 2160 })).toEqual({ x: 1080, y: 1263.75 });
  });

  it('fills an exactly matching viewport, and maps points round trip', () => {
    const f = fitCanvas(DESIGN_FHD, { width: 3840, height: 2160, left: 100, top: 50 });
    expect([f.scale, f.offsetX, f.offsetY]).toEqual([2, 0, 0]);
    expect(f.toClient({ x: 960, y: 540 })).toEqual({ x: 2020, y: 1130 });
    for (const vp of [{ width: 2560, height: 1080 }, { width: 1080, height: 1920, left: 7, top: 13 }, { width: 1366, height: 768 }]) {
      const g = fitCanvas(DESIGN_UHD, vp);
      for (const p of [{ x: 0, y: 0 }, { x: 123.5, y: 2000 }, { x: 3840, y: 2160 }]) {
        const back = g.toDesign(g.toClient(p))!;
        expect(back.x).toBeCloseTo(p.x, 9);
        expect(back.y).toBeCloseTo(p.y, 9);
      }
    }
  });

  it('gives scale 0 and no design point for a viewport without area', () => {
    const f = fitCanvas(DESIGN_FHD, { width: 0, height: 800 });
    expect(f.scale).toBe(0);
    expect(f.toDesign({ x: 1, y: 1 })).toBeNull();
    expect(() => fitCanvas({ width: 0, height: 1080 }, { width: 100, height: 100 })).toThrow(/design canvas/);
  });
});

describe('parseDesignSize', () => {
  it('reads sizes and names', () => {
    expect(parseDesignSize('3840x2160')).toEqual({ ok: true, value: { width: 3840, height: 2160 } });
    expect(parseDesignSize(' 1920×1080 ')).toEqual({ ok: true, value: { width: 1920, height: 1080 } });
    expect(parseDesignSize('4K')).toEqual({ ok: true, value: { width: 3840, height: 2160 } });
    expect(parseDesignSize('fhd')).toEqual({ ok: true, value: { width: 1920, height: 1080 } });
  });

  it('rejects with a reason', () => {
    for (const s of ['', '1920', '1920x', '1920.5x1080', '0x1080', '1920x1080x2', '100x100', '99999x1080', 'axb']) {
      const r = parseDesignSize(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.error).toContain('design size');
    }
  });
});

describe('renderPixelRatio', () => {
  it('renders native device pixels, lowered to the caps', () => {
    expect(renderPixelRatio(2, 1920, 1080)).toBe(2);
    expect(renderPixelRatio(3, 1920, 1080, { renderScaleCap: 2 })).toBe(2);
    expect(renderPixelRatio(1, 1920, 1080, { renderScaleCap: 2 })).toBe(1);
    // An 8K wall at dpr 1 with a 4K budget renders at half resolution.
    expect(renderPixelRatio(1, 7680, 4320, { maxRenderPixels: 3840 * 2160 })).toBe(0.5);
    // A 4K panel at dpr 2 (1920×1080 CSS) within a 4K budget stays native.
    expect(renderPixelRatio(2, 1920, 1080, { maxRenderPixels: 3840 * 2160 })).toBe(2);
    expect(renderPixelRatio(2, 1920, 1080, { maxRenderPixels: 1920 * 1080, renderScaleCap: 1.5 })).toBe(1);
  });

  it('is finite and positive whatever the browser reports', () => {
    expect(renderPixelRatio(Number.NaN, 1920, 1080)).toBe(1);
    expect(renderPixelRatio(0, 1920, 1080)).toBe(1);
    expect(renderPixelRatio(2, 0, 0, { maxRenderPixels: 1000 })).toBe(2);
    expect(renderPixelRatio(2, 1920, 1080, { renderScaleCap: Number.NaN, maxRenderPixels: -5 })).toBe(2);
  });
});

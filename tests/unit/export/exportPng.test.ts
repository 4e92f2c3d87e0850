import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSceneText } from '../../../src/scene/validate';
import type { ShotSize, ViewShot } from '../../../src/state/viewCapture';
import type { LegendState } from '../../../src/ui/export/exportLegend';
import { ExportError, exportPng, type ExportRequest } from '../../../src/ui/export/exportPng';

const parsed = parseSceneText('westbund.json', readFileSync(join(__dirname, '../../../scenes/westbund.json'), 'utf8'));
if (!parsed.ok) throw new Error('westbund.json does not parse');
const scene = parsed.scene;

/** A 2D context that records what is drawn; text is 6 px a character. */
function fakeCanvas(toBlob: (cb: (b: Blob | null) => void) => void) {
  const texts: string[] = [];
  const rotations: number[] = [];
  const ctx = new Proxy(
    {
      fillText: (t: string) => texts.push(t),
      measureText: (t: string) => ({ width: t.length * 6 }),
      rotate: (r: number) => rotations.push(r),
    } as Record<string, unknown>,
    { get: (o, k) => (k in o ? o[k as string] : typeof k === 'string' ? () => undefined : undefined), set: () => true },
  );
  const image = { width: 1280, height: 720, getContext: () => ctx, toBlob } as unknown as HTMLCanvasElement;
  return { image, texts, rotations };
}

const legend: LegendState = { engine: 'three', layerVisible: {}, planReady: false, comparing: false, heatmap: 'off', liveData: false };
const H = Math.SQRT1_2;
// Looking east, 45° down, from 1000 m up.
const camera = { positionEnu: [0, 0, 1000] as [number, number, number], forwardEnu: [H, 0, -H] as [number, number, number], upEnu: [H, 0, H] as [number, number, number], vFovRad: Math.PI / 4 };

function request(image: HTMLCanvasElement, over: Partial<ExportRequest> = {}): ExportRequest {
  const capture = async (size: ShotSize): Promise<ViewShot> => ({ image, camera, credits: ['Extra credit'], renderedPx: size });
  return {
    scene,
    lang: 'en',
    t: (key, o) => (o ? `${key}${JSON.stringify(o)}` : key),
    size: { width: 1280, height: 720 },
    nowMs: Date.UTC(2025, 5, 21, 6, 30),
    legend,
    capture,
    ...over,
  };
}

describe('exportPng', () => {
  it('burns in the title, timestamp, every attribution line, the legend, north and the 示意 scale, and encodes a PNG', async () => {
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const c = fakeCanvas((cb) => cb(blob));
    const r = await exportPng(request(c.image));
    expect(r.blob).toBe(blob);
    expect(r.fileName).toBe('shentwin-westbund-20250621-1430.png');
    expect(c.texts).toContain('export.imageTitle{"zone":"West Bund (Xuhui Riverside)"}');
    expect(c.texts).toContain('export.timestamp{"time":"2025-06-21 14:30"}');
    for (const a of scene.attribution) expect(c.texts.join(' ')).toContain(typeof a.text === 'string' ? a.text : a.text.en);
    expect(c.texts).toContain('Extra credit');
    expect(c.texts).toContain('layers.legendTitle');
    expect(c.texts).toContain('export.north');
    expect(c.texts).toContain('export.scaleNote');
    // Heading east: north points left on the image.
    expect(c.rotations[0]).toBeCloseTo(-Math.PI / 2, 12);
    // 1414 m to the ground: 1.627 m/px, so a 200 m bar.
    expect(r.layout.scaleBar?.metres).toBe(200);
  });

  it('reports a tainted canvas as such', async () => {
    const c = fakeCanvas(() => {
      throw new DOMException('The canvas has been tainted by cross-origin data.', 'SecurityError');
    });
    await expect(exportPng(request(c.image))).rejects.toMatchObject({ reason: 'tainted' });
  });

  it('tells a lost context, a failed encode and a missing view apart', async () => {
    const lost = request(fakeCanvas(() => undefined).image, {
      capture: async () => {
        throw new Error('WebGL context lost');
      },
    });
    await expect(exportPng(lost)).rejects.toBeInstanceOf(ExportError);
    await expect(exportPng(lost)).rejects.toMatchObject({ reason: 'contextLost' });
    await expect(exportPng(request(fakeCanvas((cb) => cb(null)).image))).rejects.toMatchObject({ reason: 'encode' });
    await expect(exportPng(request(fakeCanvas(() => undefined).image, { capture: async () => null }))).rejects.toMatchObject({ reason: 'noView' });
  });
});

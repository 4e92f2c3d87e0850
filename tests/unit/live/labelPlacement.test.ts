import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { estimateLabelSize, LabelSpace } from '../../../src/layers/live/LabelOverlay';
import {
  appendAround, appendBounds, claimLabelBox, HOVER_CLEAR_PX, LABEL_FONT_REM, labelFontScale, overlapsAny, PANEL_MARGIN_PX,
  panelBoxes, SELECTION_MARGIN_PX, selectionCorners,
} from '../../../src/layers/live/labelPlacement';

const W = 1600, H = 900;

/** The 1600×900 planner layout, roughly: side panel left, live column right, bars top and bottom. */
const PANELS = [
  { left: 8, top: 8, right: 1592, bottom: 60 }, // top bar
  { left: 8, top: 70, right: 344, bottom: 700 }, // layers and sun
  { left: 1208, top: 70, right: 1592, bottom: 760 }, // attribute panel + live column
  { left: 8, top: 820, right: 1592, bottom: 892 }, // status bar
  { left: 0, top: 0, right: 0, bottom: 0 }, // a folded panel: no box
];

function project(camera: PerspectiveCamera, e: number, n: number, u: number): [number, number] {
  const v = new Vector3(e, u, -n).project(camera);
  if (v.z < -1 || v.z > 1) return [NaN, NaN];
  return [((v.x + 1) / 2) * W, ((1 - v.y) / 2) * H];
}

describe('label placement', () => {
  it('turns panel rectangles into view boxes with a margin, skipping folded ones', () => {
    const out = panelBoxes(PANELS, { left: 0, top: 0 }, PANEL_MARGIN_PX, []);
    expect(out.length).toBe(4 * 4);
    expect(out.slice(4, 8)).toEqual([8 - PANEL_MARGIN_PX, 70 - PANEL_MARGIN_PX, 344 + PANEL_MARGIN_PX, 700 + PANEL_MARGIN_PX]);
    // The view's own offset is taken off.
    expect(panelBoxes([{ left: 110, top: 60, right: 210, bottom: 90 }], { left: 100, top: 50 }, 0, [])).toEqual([10, 10, 110, 40]);
    expect(panelBoxes([{ left: NaN, top: 0, right: 5, bottom: 5 }], { left: 0, top: 0 }, 0, [])).toEqual([]);
  });

  it('never places a label under a panel, and still places it in the open view', () => {
    const space = new LabelSpace();
    panelBoxes(PANELS, { left: 0, top: 0 }, PANEL_MARGIN_PX, space.panels);
    space.begin(1);
    // Under the live column, under the side panel, straddling the status bar's edge: refused.
    expect(space.claim(1300, 300, 1380, 330)).toBe(false);
    expect(space.claim(200, 400, 280, 430)).toBe(false);
    expect(space.claim(700, 800, 780, 830)).toBe(false);
    // Touching within the margin of a panel: refused too.
    expect(space.claim(346, 400, 420, 430)).toBe(false);
    // In the middle of the city: placed, and a second one on top of it is not.
    expect(space.claim(700, 400, 780, 430)).toBe(true);
    expect(space.claim(720, 410, 800, 440)).toBe(false);
    // The next frame starts empty of labels but keeps the panels.
    space.begin(2);
    expect(space.claim(720, 410, 800, 440)).toBe(true);
    expect(space.claim(1300, 300, 1380, 330)).toBe(false);
  });

  it('keeps labels off the selected building', () => {
    const camera = new PerspectiveCamera(45, W / H, 1, 20_000);
    camera.position.set(0, 300, 400); // ENU (0, -400, 300): south of the building, looking north
    camera.lookAt(0, 40, 0);
    camera.updateMatrixWorld();
    const point: [number, number, number] = [0, -20, 30]; // on the south face of an 80 m tower at the origin
    const corners = selectionCorners(point, 80, []);
    expect(corners.length).toBe(8 * 3);
    const pts: number[] = [];
    for (let i = 0; i < corners.length; i += 3) pts.push(...project(camera, corners[i]!, corners[i + 1]!, corners[i + 2]!));
    const focus: number[] = [];
    appendBounds(pts, SELECTION_MARGIN_PX, focus);
    expect(focus.length).toBe(4);

    const space = new LabelSpace();
    space.focus.push(...focus);
    space.begin(1);
    // A sensor label anchored on the tower's face, half-way up, is refused; one well beside it is placed.
    const [mx, my] = project(camera, 0, 0, 40);
    expect(space.claim(mx - 40, my - 30, mx + 40, my)).toBe(false);
    const [fx, fy] = project(camera, 400, 0, 5);
    expect(space.claim(fx - 40, fy - 30, fx + 40, fy)).toBe(true);
  });

  it('keeps a clear square around the hovered pointer and a selected live thing', () => {
    const focus: number[] = [];
    appendAround(800, 450, HOVER_CLEAR_PX, focus);
    appendAround(NaN, 10, HOVER_CLEAR_PX, focus);
    expect(focus).toEqual([800 - HOVER_CLEAR_PX, 450 - HOVER_CLEAR_PX, 800 + HOVER_CLEAR_PX, 450 + HOVER_CLEAR_PX]);
    expect(overlapsAny(focus, 830, 400, 900, 440)).toBe(true);
    expect(overlapsAny(focus, 1000, 400, 1080, 440)).toBe(false);
  });

  it('skips points behind the camera and refuses empty boxes', () => {
    const out: number[] = [];
    appendBounds([NaN, NaN, NaN, NaN], 4, out);
    expect(out).toEqual([]);
    appendBounds([10, 20, NaN, NaN, 30, 5], 0, out);
    expect(out).toEqual([10, 5, 30, 20]);
    expect(claimLabelBox([], [], 10, 10, 10, 20)).toBe(false);
    expect(claimLabelBox([], [], NaN, 10, 20, 20)).toBe(false);
  });

  it('sizes label boxes with the screen: a 4K wall\'s labels claim more room', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../../src/ui/live/live.css'), 'utf8');
    const rule = /\.st-live-label \{[^}]*font-size:\s*([\d.]+)rem/.exec(css);
    expect(Number(rule?.[1])).toBe(LABEL_FONT_REM);
    const at1600 = estimateLabelSize('智慧灯杆-05\n99.4 %', { w: 0, h: 0 }, labelFontScale(15.2));
    const at4k = estimateLabelSize('智慧灯杆-05\n99.4 %', { w: 0, h: 0 }, labelFontScale(25.3));
    expect(at4k.w / at1600.w).toBeCloseTo(25.3 / 15.2, 6);
    expect(labelFontScale(NaN)).toBe(1);
  });
});

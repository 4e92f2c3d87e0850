import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { tools3dEn } from '../../../../src/layers/tools/i18n.en';
import { tools3dZh } from '../../../../src/layers/tools/i18n.zh';
import { ACTIVE_LABEL, activeLabel, LABEL_LIFT_M, labelAnchor, labelText, resultLabels, type Formatter } from '../../../../src/layers/tools/labels';
import type { ToolPayload } from '../../../../src/tools/compute/payloads';
import { createTool, toolReducer, type AnyToolState } from '../../../../src/tools/machine';
import { addResult, EMPTY_RESULTS } from '../../../../src/tools/results';
import { TOOL_KINDS } from '../../../../src/tools/toolKinds';
import type { AnyToolInputs, PickHit, ResultValues } from '../../../../src/tools/toolTypes';

function formatter(lng: 'zh' | 'en'): Formatter {
  const i = i18next.createInstance();
  void i.init({
    resources: { zh: { translation: { tools3d: tools3dZh } }, en: { translation: { tools3d: tools3dEn } } },
    lng, initAsync: false, interpolation: { escapeValue: false },
  });
  // A key that is missing comes back as the key itself: refuse it, so every key used exists.
  return {
    lang: lng,
    t: (key, opts) => {
      if (!i.exists(key)) throw new Error(`missing key ${key}`);
      return i.t(key, opts ?? {});
    },
  };
}
const zh = formatter('zh');
const en = formatter('en');

const g = (x: number, y: number, z = 0): PickHit => ({ point: [x, y, z], kind: 'ground' });

describe('label texts', () => {
  it('prints a slant distance with its legs, at the measure precision, in both languages', () => {
    const v: ResultValues = { distanceM: 5, horizontalM: 3, verticalM: -4 };
    expect(labelText('measure-distance', v, en)).toBe('5.00 m\nhoriz. 3.00 m · vert. 4.00 m');
    expect(labelText('measure-distance', v, zh)).toBe('5.00 米\n水平 3.00 米 · 垂直 4.00 米');
    expect(labelText('measure-polyline', { lengthM: 1234.5 }, en)).toBe('1.235 km');
  });

  it('prints areas in m², hectares or km² as the tiers say', () => {
    expect(labelText('measure-area-horizontal', { areaM2: 350 }, en)).toBe('350.0 m²');
    expect(labelText('measure-area-horizontal', { areaM2: 12_345 }, zh)).toBe('1.23 公顷');
    expect(labelText('measure-area-surface', { areaM2: 5, tiltDeg: 90 }, en)).toBe('5.00 m²\ntilt 90.0°');
  });

  it('tells a height above ground from a height between two points', () => {
    expect(labelText('measure-height', { heightM: 12.345 }, zh)).toBe('离地 12.3 米');
    expect(labelText('measure-height', { heightM: -2.345, horizontalM: 4 }, en)).toBe('height diff. 2.35 m');
    expect(labelText('measure-bearing', { bearingDeg: 359.97, horizontalM: 10 }, en)).toBe('bearing 0.0°\n10.0 m');
  });

  it('reports the height limit, the sight lines, the viewshed and the skyline', () => {
    expect(labelText('height-limit', { limitM: 50, over: 2, maxExcessM: 10 }, zh)).toBe('限高 50.0 米 · 超限 2 栋\n最大超出 10.0 米');
    expect(labelText('height-limit', { limitM: 50, over: 0, maxExcessM: 0 }, en)).toBe('limit 50.0 m · 0 over');
    expect(labelText('sight-line', { visible: 1, targets: 2, firstBlockerId: 'B7' }, en)).toBe('visible 1/2\nblocked by B7');
    expect(labelText('sight-line', { visible: 2, targets: 2, firstBlockerId: null }, zh)).toBe('通视 2/2');
    expect(labelText('viewshed', { visiblePercent: 45.25, visibleAreaM2: 12_000 }, en)).toBe('visible 45.3 % · 1.20 ha');
    expect(labelText('skyline', { skyShare: 0.723 }, zh)).toBe('天空占比 72.3%');
  });

  it('says nothing for a section or for values that are missing or not finite', () => {
    expect(labelText('section', { shape: 'box' }, en)).toBeNull();
    expect(labelText('measure-polyline', { lengthM: Number.NaN }, en)).toBeNull();
    expect(labelText('viewshed', {}, en)).toBeNull();
  });

  it('has every kind covered without a missing key, in both languages', () => {
    const all: ResultValues = {
      distanceM: 1, horizontalM: 1, verticalM: 1, lengthM: 1, areaM2: 1, tiltDeg: 1, heightM: 1, bearingDeg: 1, limitM: 1, over: 1, maxExcessM: 1,
      visible: 1, targets: 1, firstBlockerId: 'x', visiblePercent: 1, visibleAreaM2: 1, skyShare: 1,
    };
    for (const f of [zh, en]) for (const k of TOOL_KINDS) expect(() => labelText(k, all, f)).not.toThrow();
    expect(Object.keys(tools3dEn).sort()).toEqual(Object.keys(tools3dZh).sort());
    expect(Object.keys(tools3dEn.units).sort()).toEqual(Object.keys(tools3dZh.units).sort());
  });
});

describe('label anchors', () => {
  const inputs = (i: AnyToolInputs) => i;

  it("go above a result's last point, or the eye of the viewing tools", () => {
    const d = inputs({ kind: 'measure-distance', points: [[0, 0, 0], [3, 0, 4]], params: {} });
    expect(labelAnchor(d, null, 0)).toEqual([3, 0, 4 + LABEL_LIFT_M]);
    const v = inputs({ kind: 'viewshed', points: [[1, 2, 3]], params: { ...createTool('viewshed').params, eyeHeightM: 2 } });
    expect(labelAnchor(v, null, 0)).toEqual([1, 2, 5 + LABEL_LIFT_M]);
    const s = inputs({ kind: 'sight-line', points: [[0, 0, 0], [9, 9, 1]], params: { eyeHeightM: 1.6, targetHeightM: 1 } });
    expect(labelAnchor(s, null, 0)).toEqual([9, 9, 2 + LABEL_LIFT_M]);
  });

  it("put a plot's height limit on its ring at the limit height", () => {
    const h = inputs({ kind: 'height-limit', points: [], params: { mode: 'plot', limitM: 0, plotId: 'P' } });
    const payload: ToolPayload = {
      kind: 'height-limit', ring: [[0, 0], [10, 0], [10, 10]], shader: null,
      report: { limitM: 24, checked: 0, over: 0, maxExcessM: 0, exceedances: [], skipped: [] },
    };
    expect(labelAnchor(h, payload, 2)).toEqual([10, 10, 26 + LABEL_LIFT_M]);
    expect(labelAnchor(h, null, 0)).toBeNull();
  });
});

describe('the label list', () => {
  it('labels the tool being drawn live, from the rubber band', () => {
    let t = toolReducer(createTool('measure-distance') as AnyToolState, { type: 'start' });
    t = toolReducer(t, { type: 'place', hit: g(0, 0) });
    expect(activeLabel(t, en, 0)).toBeNull();
    const hovering = { ...t, hover: g(3, 4) } as AnyToolState;
    expect(activeLabel(hovering, en, 0)).toEqual({ key: ACTIVE_LABEL, anchor: [3, 4, LABEL_LIFT_M], text: '5.00 m\nhoriz. 5.00 m · vert. 0.00 m', tone: '' });
    // The analyses that need the scene have no live value.
    const sl = toolReducer(toolReducer(createTool('sight-line') as AnyToolState, { type: 'start' }), { type: 'place', hit: g(0, 0) });
    expect(activeLabel({ ...sl, hover: g(5, 5) } as AnyToolState, en, 0)).toBeNull();
  });

  it('puts the selected result first and marks a height limit that is exceeded', () => {
    const dist: AnyToolInputs = { kind: 'measure-distance', points: [[0, 0, 0], [1, 0, 0]], params: {} };
    const limit: AnyToolInputs = { kind: 'height-limit', points: [[0, 0, 0], [10, 0, 0], [10, 10, 0]], params: { mode: 'value', limitM: 50, plotId: null } };
    let list = addResult(EMPTY_RESULTS, { inputs: dist, values: { distanceM: 1, horizontalM: 1, verticalM: 0 }, createdAt: 0 });
    list = addResult(list, { inputs: limit, values: { limitM: 50, over: 1, maxExcessM: 10 }, createdAt: 0 });
    list = addResult(list, { inputs: dist, values: { distanceM: 2, horizontalM: 2, verticalM: 0 }, createdAt: 0 });
    list = { ...list, selectedId: 'r3' };
    const labels = resultLabels(list, () => null, en, 0);
    expect(labels.map((l) => [l.key, l.tone])).toEqual([['r3', 'warning'], ['r1', ''], ['r2', 'alarm']]);
    expect(labels[2]!.anchor).toEqual([10, 10, 50 + LABEL_LIFT_M]);
  });
});

import { describe, expect, it } from 'vitest';
import { CLOSE_SNAP_M, createTool, previewInputs, toolInputs, toolReducer, toolWantsPointer, type AnyToolState } from '../../../src/tools/machine';
import { CLICK_MAX_MS } from '../../../src/tools/pointerGesture';
import { computeResultValues } from '../../../src/tools/toolKinds';
import type { ToolKind } from '../../../src/tools/toolTypes';
import { click, deepFreeze, drag, face, ground, key, pointer, run } from './fixtures';

const started = (kind: ToolKind): AnyToolState => run(createTool(kind) as AnyToolState, { type: 'start' });

describe('tool machine: mouse', () => {
  it('measures a distance with two clicks and finishes on the second', () => {
    const s = run(started('measure-distance'), click(ground(0, 0)), click(ground(3, 4, 0), { x: 300 }));
    expect(s.phase).toBe('done');
    const inputs = toolInputs(s);
    expect(inputs?.points).toEqual([[0, 0, 0], [3, 4, 0]]);
    const v = computeResultValues(inputs!);
    expect(v.ok && v.values.distanceM).toBe(5);
  });

  it('ignores pointer events until started and after done, returning the same state', () => {
    const idle = createTool('measure-distance');
    expect(run(idle, click(ground(1, 1)))).toBe(idle);
    expect(toolWantsPointer(idle)).toBe(false);
    const done = run(started('measure-distance'), click(ground(0, 0)), click(ground(9, 0)));
    expect(run(done, click(ground(5, 5)), key('Backspace'))).toBe(done);
  });

  it('follows the pointer with a rubber-band point and previews the measurement', () => {
    const one = run(started('measure-distance'), click(ground(0, 0)));
    expect(previewInputs(one)).toBeNull();
    const s = run(one, pointer('pointermove', 99_000, ground(6, 8)));
    expect(s.hover?.point).toEqual([6, 8, 0]);
    expect(previewInputs(s)?.points).toEqual([[0, 0, 0], [6, 8, 0]]);
    // The sky clears the rubber band; a second sky move changes nothing.
    const sky = run(s, pointer('pointermove', 99_100, null));
    expect(sky.hover).toBeNull();
    expect(run(sky, pointer('pointermove', 99_200, null))).toBe(sky);
  });

  it('does not place a point at the end of a camera drag, a long press or a right click', () => {
    const s = started('measure-polyline');
    expect(run(s, drag(ground(0, 0), 40)).points).toHaveLength(0);
    // Within the slop it is still a click.
    expect(run(s, drag(ground(0, 0), 3)).points).toHaveLength(1);
    expect(run(s, click(ground(0, 0), {}, CLICK_MAX_MS + 200)).points).toHaveLength(0);
    expect(run(s, click(ground(0, 0), { button: 2 })).points).toHaveLength(0);
    // A rubber band is not dragged along by the camera.
    const dragged = run(s, pointer('pointerdown', 1, ground(0, 0)), pointer('pointermove', 2, ground(5, 5), { x: 160 }), pointer('pointermove', 3, ground(7, 7), { x: 170 }));
    expect(dragged.hover).toBeNull();
  });

  it('cancels with Escape or the cancel command, and resets to idle', () => {
    const s = run(started('measure-polyline'), click(ground(0, 0)), click(ground(10, 0)));
    const esc = run(s, key('Escape'));
    expect(esc.phase).toBe('cancelled');
    expect(esc.points).toEqual([]);
    expect(run(s, { type: 'cancel' }).phase).toBe('cancelled');
    expect(run(esc, { type: 'reset' }).phase).toBe('idle');
    expect(run(esc, { type: 'start' }).phase).toBe('placing');
  });

  it('undoes the last point with Backspace, Ctrl+Z, Cmd+Z or the undo button, not Ctrl+Shift+Z', () => {
    const s = run(started('measure-polyline'), click(ground(0, 0)), click(ground(10, 0)), click(ground(10, 10)));
    const pts = (st: typeof s) => st.points.map((p) => p.point);
    expect(pts(run(s, key('Backspace')))).toEqual([[0, 0, 0], [10, 0, 0]]);
    expect(pts(run(s, key('z', { ctrlKey: true }), key('z', { metaKey: true })))).toEqual([[0, 0, 0]]);
    expect(run(s, { type: 'undo' }, { type: 'undo' }, { type: 'undo' }, { type: 'undo' }).points).toEqual([]);
    expect(run(s, key('z', { ctrlKey: true, shiftKey: true }))).toBe(s);
    expect(run(s, key('z'))).toBe(s);
  });

  it('finishes a polyline with Enter, the finish button or a double click, and refuses one point', () => {
    const s = run(started('measure-polyline'), click(ground(0, 0)), click(ground(10, 0)), click(ground(10, 10)));
    expect(s.phase).toBe('placing');
    expect(run(s, key('Enter')).phase).toBe('done');
    expect(run(s, { type: 'finish' }).phase).toBe('done');
    // A double click delivers two clicks on one spot, then dblclick: the second click adds nothing.
    const dbl = run(s, click(ground(20, 10)), click(ground(20, 10)), { type: 'dblclick' });
    expect(dbl.phase).toBe('done');
    expect(toolInputs(dbl)?.points).toHaveLength(4);
    const one = run(started('measure-polyline'), click(ground(0, 0)), key('Enter'));
    expect(one.phase).toBe('placing');
    expect(one.problem).toBe('too-few-points');
    expect(run(one, click(ground(5, 0))).problem).toBeNull();
  });
});

describe('tool machine: touch', () => {
  const touch = { pointerType: 'touch' as const };

  it('places a point with a one-finger tap, even with more wobble than a mouse allows', () => {
    const s = run(started('measure-distance'), click(ground(0, 0), touch), drag(ground(8, 6), 8, touch));
    expect(s.phase).toBe('done');
    expect(toolInputs(s)?.points).toEqual([[0, 0, 0], [8, 6, 0]]);
  });

  it('abandons the tap when a second finger comes down (pinch or rotate), whichever lifts first', () => {
    const s = started('measure-distance');
    const f1 = { ...touch, pointerId: 11 };
    const f2 = { ...touch, pointerId: 12, isPrimary: false, x: 200 };
    const secondUpFirst = run(s, pointer('pointerdown', 0, ground(0, 0), f1), pointer('pointerdown', 40, ground(5, 0), f2), pointer('pointerup', 90, ground(5, 0), f2), pointer('pointerup', 120, ground(0, 0), f1));
    expect(secondUpFirst.points).toHaveLength(0);
    const firstUpFirst = run(s, pointer('pointerdown', 0, ground(0, 0), f1), pointer('pointerdown', 40, ground(5, 0), f2), pointer('pointerup', 90, ground(0, 0), f1), pointer('pointerup', 120, ground(5, 0), f2));
    expect(firstUpFirst.points).toHaveLength(0);
    // Afterwards a plain tap works again.
    expect(run(firstUpFirst, click(ground(1, 1), touch)).points).toHaveLength(1);
  });

  it('does not place on a long press, and does not hover (there is no hover on touch)', () => {
    const s = started('measure-distance');
    expect(run(s, click(ground(0, 0), touch, CLICK_MAX_MS + 1)).points).toHaveLength(0);
    const t0 = 5000;
    const held = run(s, pointer('pointerdown', t0, ground(0, 0), touch), pointer('pointermove', t0 + CLICK_MAX_MS + 50, ground(0, 0), touch), pointer('pointerup', t0 + CLICK_MAX_MS + 60, ground(0, 0), touch));
    expect(held.points).toHaveLength(0);
    expect(run(s, pointer('pointermove', 1, ground(3, 3), touch)).hover).toBeNull();
  });

  it('recovers from a lost pointerup: the next primary press clears stale pointers', () => {
    const stale = run(started('measure-distance'), pointer('pointerdown', 0, ground(0, 0), { ...touch, pointerId: 3 }));
    const s = run(stale, click(ground(4, 4), { ...touch, pointerId: 4 }));
    expect(s.points).toHaveLength(1);
  });
});

describe('tool machine: polygons', () => {
  it('closes an area on a click near the first point, within the pointer tolerance when given', () => {
    const s = run(started('measure-area-horizontal'), click(ground(0, 0)), click(ground(20, 0)), click(ground(20, 10)));
    const closed = run(s, click(ground(CLOSE_SNAP_M / 2, 0.5)));
    expect(closed.phase).toBe('done');
    expect(toolInputs(closed)?.points).toHaveLength(3);
    const v = computeResultValues(toolInputs(closed)!);
    expect(v.ok && v.values.areaM2).toBe(100);
    // A far-away camera spans more metres per pixel: the integrator says so with toleranceM.
    expect(run(s, click(ground(6, 0), { toleranceM: 8 })).phase).toBe('done');
    expect(run(s, click(ground(1, 0), { toleranceM: 0.5 })).points).toHaveLength(4);
  });

  it('refuses to close a self-intersecting outline and says why; undo clears it', () => {
    const bow = run(started('measure-area-horizontal'), click(ground(0, 0)), click(ground(10, 10)), click(ground(10, 0)), click(ground(0, 10)), key('Enter'));
    expect(bow.phase).toBe('placing');
    expect(bow.problem).toBe('self-intersecting');
    expect(run(bow, key('Backspace')).problem).toBeNull();
  });

  it('measures a facade only on one building, and refuses a polygon across faces', () => {
    const s = started('measure-area-surface');
    expect(run(s, click(ground(0, 0))).problem).toBe('needs-building');
    const one = run(s, click(face(10, 0, 0, 'b1')));
    expect(run(one, click(face(10, 5, 0, 'b2'))).problem).toBe('other-building');
    const wall = run(one, click(face(10, 8, 0, 'b1')), click(face(10, 8, 6, 'b1')), click(face(10, 0, 6, 'b1')), key('Enter'));
    expect(wall.phase).toBe('done');
    const inputs = toolInputs(wall)!;
    expect(inputs.buildingId).toBe('b1');
    const v = computeResultValues(inputs);
    expect(v.ok && v.values.areaM2).toBeCloseTo(48, 9);
    expect(v.ok && v.values.tiltDeg).toBeCloseTo(0, 9);
    const bent = run(one, click(face(10, 8, 0, 'b1')), click(face(12, 8, 6, 'b1')), click(face(10, 0, 6, 'b1')), key('Enter'));
    expect(bent.problem).toBe('not-planar');
  });
});

describe('tool machine: single-point and parametric kinds', () => {
  it('measures height above ground with one point (Enter) and a difference with two', () => {
    const one = run(started('measure-height'), click(face(0, 0, 42, 'b1')), key('Enter'));
    expect(one.phase).toBe('done');
    const v = computeResultValues(toolInputs(one)!, { groundHeightAt: () => 2 });
    expect(v.ok && v.values.heightM).toBe(40);
    const two = run(started('measure-height'), click(ground(0, 0, 0)), click(face(0, 3, 30, 'b1')));
    expect(two.phase).toBe('done');
    const d = computeResultValues(toolInputs(two)!);
    expect(d.ok && d.values.heightM).toBe(30);
  });

  it('measures a bearing, and refuses two points stacked vertically', () => {
    const s = run(started('measure-bearing'), click(ground(0, 0)), click(ground(10, 10)));
    const v = computeResultValues(toolInputs(s)!);
    expect(v.ok && v.values.bearingDeg).toBeCloseTo(45, 12);
    const plumb = run(started('measure-bearing'), click(ground(0, 0, 0)), click(face(0, 0, 20, 'b1')));
    expect(plumb.problem).toBe('zero-length');
  });

  it('takes a sight line observer and targets, edits, then keeps it; the compute is injected', () => {
    const s = run(started('sight-line'), click(ground(0, 0)), click(face(50, 0, 10, 'b1')), click(face(0, 60, 20, 'b2')), key('Enter'));
    expect(s.phase).toBe('editing');
    expect(computeResultValues(toolInputs(s)!)).toMatchObject({ ok: false, code: 'no-compute' });
    const done = run(s, key('Enter'));
    expect(done.phase).toBe('done');
    const inputs = toolInputs(done)!;
    expect(inputs.kind === 'sight-line' && inputs.params.eyeHeightM).toBe(1.6);
    const v = computeResultValues(inputs, { compute: { 'sight-line': (i) => ({ visible: i.points.length - 1 }) } });
    expect(v).toEqual({ ok: true, values: { visible: 2 } });
    expect(computeResultValues(inputs, { compute: { 'sight-line': () => ({ x: Number.NaN }) } })).toMatchObject({ ok: false, code: 'non-finite' });
    expect(computeResultValues(inputs, { compute: { 'sight-line': () => { throw new Error('no BVH'); } } })).toMatchObject({ ok: false, code: 'compute-failed' });
  });

  it('is pure: frozen states and events, and the same sequence gives the same state', () => {
    const events = deepFreeze([{ type: 'start' } as const, ...click(ground(0, 0)), ...click(ground(10, 0)), ...click(ground(10, 10)), key('Backspace'), key('Enter')]);
    const a = events.reduce((s, ev) => toolReducer(deepFreeze(s), ev), createTool('measure-polyline'));
    const b = events.reduce((s, ev) => toolReducer(s, ev), createTool('measure-polyline'));
    expect(a).toEqual(b);
    expect(a.phase).toBe('done');
  });
});

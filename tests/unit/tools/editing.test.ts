import { describe, expect, it } from 'vitest';
import { axisParam, createTool, setToolParams, toolHandles, toolInputs, type ToolState } from '../../../src/tools/machine';
import { skylineFromCamera } from '../../../src/tools/skylineCamera';
import { MIN_SECTION_SIZE_M } from '../../../src/tools/toolKindsSection';
import { TOOL_DEFINITIONS, TOOL_KINDS } from '../../../src/tools/toolKinds';
import type { PickHit, Ray, Vec3 } from '../../../src/tools/toolTypes';
import { click, face, ground, key, pointer, run } from './fixtures';

/** A camera looking north along y at the height of the box's centre, x pixels ≈ x metres. */
const rayAt = (x: number, z = 20): Ray => ({ origin: [x, -200, z], dir: [0, 1, 0] });
const handleHit = (handle: string, point: Vec3): PickHit => ({ point, kind: 'face', handle });

function placedBox(): ToolState<'section'> {
  return run(createTool('section'), { type: 'start' }, click(ground(0, 0, 0)));
}

/** Grabs `handle` at `from` metres along x and lets go at `to`. */
function dragX(s: ToolState<'section'>, handle: string, from: number, to: number, end: 'pointerup' | 'pointercancel' = 'pointerup') {
  const grab = handleHit(handle, [from, 0, 20]);
  return run(
    s,
    pointer('pointerdown', 1, grab, { ray: rayAt(from), x: from }),
    pointer('pointermove', 2, null, { ray: rayAt((from + to) / 2), x: (from + to) / 2 }),
    pointer('pointermove', 3, null, { ray: rayAt(to), x: to }),
    pointer(end, 4, null, { ray: rayAt(to), x: to }),
  );
}

describe('section tool: placing and handle drags', () => {
  it('stands a box on the picked point and enters editing with six face handles', () => {
    const s = placedBox();
    expect(s.phase).toBe('editing');
    expect(s.points[0]!.point).toEqual([0, 0, 20]);
    const handles = toolHandles(s);
    expect(handles.map((h) => h.id)).toEqual(['+x', '-x', '+y', '-y', '+z', '-z']);
    expect(handles[0]).toEqual({ id: '+x', position: [30, 0, 20], axis: [1, 0, 0] });
    expect(handles[5]!.position).toEqual([0, 0, 0]);
  });

  it('moves only the dragged face: +x out by 10 m grows the box and keeps −x where it was', () => {
    const s = dragX(placedBox(), '+x', 30, 40);
    expect(s.drag).toBeNull();
    const inputs = toolInputs(s)!;
    expect(inputs.kind === 'section' && inputs.params.sizeM).toEqual([70, 60, 40]);
    expect(inputs.points[0]).toEqual([5, 0, 20]);
    const h = toolHandles(s);
    expect(h.find((x) => x.id === '-x')!.position[0]).toBe(-30);
    expect(h.find((x) => x.id === '+x')!.position[0]).toBe(40);
  });

  it('drags from wherever the handle was grabbed, and never shrinks a box below the minimum', () => {
    // Grabbed 2 m off the handle's centre: the face follows the pointer's motion, not its position.
    const s = dragX(placedBox(), '+x', 32, 42);
    expect(toolHandles(s).find((x) => x.id === '+x')!.position[0]).toBe(40);
    const crushed = dragX(placedBox(), '-x', -30, 100);
    const p = toolInputs(crushed)!;
    expect(p.kind === 'section' && p.params.sizeM[0]).toBe(MIN_SECTION_SIZE_M);
  });

  it('falls back to the hit point along the axis when the event has no ray', () => {
    expect(axisParam([0, 0, 0], [1, 0, 0], { hit: ground(7, 3, 1) })).toBe(7);
    expect(axisParam([0, 0, 0], [1, 0, 0], { ray: { origin: [0, 0, 0], dir: [2, 0, 0] }, hit: ground(4, 0) })).toBe(4);
    expect(axisParam([0, 0, 0], [1, 0, 0], { hit: null })).toBeNull();
  });

  it('undoes a drag, aborts one on Escape, a second finger or pointercancel', () => {
    const placed = placedBox();
    const dragged = dragX(placed, '+x', 30, 40);
    expect(run(dragged, key('z', { ctrlKey: true })).points).toBe(placed.points);
    expect(run(dragged, { type: 'undo' }).params).toBe(placed.params);
    // Undo with nothing edited takes back the placement.
    const back = run(placed, key('Backspace'));
    expect(back.phase).toBe('placing');
    expect(back.points).toEqual([]);

    const grab = handleHit('+x', [30, 0, 20]);
    const mid = run(placed, pointer('pointerdown', 1, grab, { ray: rayAt(30) }), pointer('pointermove', 2, null, { ray: rayAt(45) }));
    expect(mid.drag).not.toBeNull();
    expect(toolHandles(mid)[0]!.position[0]).toBe(45);
    for (const abort of [key('Escape'), pointer('pointerdown', 3, null, { pointerId: 2, isPrimary: false }), pointer('pointercancel', 3, null)]) {
      const s = run(mid, abort);
      expect(s.drag).toBeNull();
      expect(s.points).toBe(placed.points);
      expect(s.phase).toBe('editing');
    }
    expect(dragX(placed, '+x', 30, 50, 'pointercancel').points).toBe(placed.points);
  });

  it('does not start a drag on a non-handle hit, and keeps it done after finish', () => {
    const placed = placedBox();
    const s = run(placed, click(face(0, 0, 10, 'b1')));
    expect(s.points).toBe(placed.points);
    const done = run(placed, key('Enter'));
    expect(done.phase).toBe('done');
    expect(toolHandles(done)).toEqual([]);
  });

  it('lays a section plane along a picked facade and slides it along its normal', () => {
    const s = run(createTool('section', { shape: 'plane' }), { type: 'start' }, click(face(10, 5, 3, 'b1', [0, -2, 0])));
    const inputs = toolInputs(s)!;
    expect(inputs.kind === 'section' && inputs.params.normal).toEqual([0, -1, 0]);
    const h = toolHandles(s);
    expect(h).toEqual([{ id: 'offset', position: [10, 5, 3], axis: [0, -1, 0] }]);
    const moved = run(
      s,
      pointer('pointerdown', 1, handleHit('offset', [10, 5, 3])),
      pointer('pointermove', 2, { point: [10, 1, 3], kind: 'ground' }),
      pointer('pointerup', 3, null),
    );
    expect(moved.points[0]!.point).toEqual([10, 1, 3]);
  });
});

describe('parameters', () => {
  it('validates parameters with typed problems and refuses to finish until fixed', () => {
    const s = run(createTool('viewshed'), { type: 'start' }, click(ground(0, 0)));
    expect(s.phase).toBe('editing');
    const bad = setToolParams(s, { distanceM: -5, verticalFovDeg: Number.NaN });
    expect(bad.paramProblems).toEqual([
      { param: 'distanceM', code: 'out-of-range', min: 0, max: 5000 },
      { param: 'verticalFovDeg', code: 'not-finite' },
    ]);
    expect(run(bad, key('Enter')).problem).toBe('bad-params');
    const fixed = setToolParams(bad, { distanceM: 500, verticalFovDeg: 30 });
    expect(fixed.paramProblems).toEqual([]);
    expect(run(fixed, key('Enter')).phase).toBe('done');
    // Parameter edits in editing are undoable, one at a time.
    expect(run(fixed, { type: 'undo' }).params).toBe(bad.params);
    expect(setToolParams(fixed, { distanceM: 500 })).toBe(fixed);
  });

  it('checks every kind\'s defaults, and each kind\'s own ranges', () => {
    for (const k of TOOL_KINDS) expect(TOOL_DEFINITIONS[k].validateParams(TOOL_DEFINITIONS[k].defaultParams as never), k).toEqual([]);
    expect(createTool('sight-line', { eyeHeightM: -1 }).paramProblems[0]).toMatchObject({ param: 'eyeHeightM', code: 'out-of-range' });
    expect(createTool('height-limit', { limitM: 0 }).paramProblems[0]).toMatchObject({ param: 'limitM', code: 'out-of-range' });
    expect(createTool('height-limit', { mode: 'plot' }).paramProblems[0]).toEqual({ param: 'plotId', code: 'required' });
    expect(createTool('section', { sizeM: [0.5, 10, 10] }).paramProblems[0]).toMatchObject({ param: 'sizeM.0' });
    expect(createTool('section', { shape: 'plane', normal: [0, 0, 0] }).paramProblems[0]).toEqual({ param: 'normal', code: 'out-of-range' });
    expect(createTool('skyline', { horizontalFovDeg: 400 }).paramProblems[0]).toMatchObject({ param: 'horizontalFovDeg' });
  });

  it('takes a height limit from a plot without drawing, or from a drawn polygon', () => {
    const plot = run(createTool('height-limit', { mode: 'plot', plotId: 'XH-B2-03' }), { type: 'start' }, click(ground(1, 1)), { type: 'finish' });
    expect(plot.phase).toBe('editing');
    expect(toolInputs(plot)).toEqual({ kind: 'height-limit', points: [], params: { mode: 'plot', limitM: 100, plotId: 'XH-B2-03' } });
    const drawn = run(createTool('height-limit', { limitM: 24 }), { type: 'start' }, click(ground(0, 0)), click(ground(30, 0)), click(ground(30, 30)), click(ground(0.5, 0.5)));
    expect(drawn.phase).toBe('editing');
    expect(toolInputs(drawn)?.points).toHaveLength(3);
  });

  it('takes the skyline viewpoint from the current camera', () => {
    const s = skylineFromCamera(createTool('skyline'), { position: [5, 6, 70], headingDeg: 135, pitchDeg: -5, horizontalFovDeg: 50 });
    expect(s.phase).toBe('editing');
    expect(toolInputs(s)).toEqual({
      kind: 'skyline',
      points: [[5, 6, 70]],
      params: { source: 'camera', eyeHeightM: 1.6, headingDeg: 135, pitchDeg: -5, horizontalFovDeg: 50, distanceM: 2000 },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { pointerOwner } from '../../../src/state/pointerOwner';
import { IDLE_DRAW } from '../../../src/tools/sunlightReceiversTool';

describe('pointerOwner', () => {
  it('gives clicks to selection unless a drawing tool is placing points', () => {
    expect(pointerOwner({ sunlightDraw: IDLE_DRAW })).toBe('selection');
    expect(pointerOwner({ sunlightDraw: { ...IDLE_DRAW, phase: 'closed' } })).toBe('selection');
    expect(pointerOwner({ sunlightDraw: { ...IDLE_DRAW, phase: 'drawing' } })).toBe('sunlight-draw');
    expect(pointerOwner({ sunlightDraw: IDLE_DRAW, toolOwnsPointer: true })).toBe('tool');
  });
});

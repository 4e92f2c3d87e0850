import { describe, expect, it } from 'vitest';
import {
  bimFloorUniforms, DEFAULT_GHOST_OPACITY, INITIAL_BIM_FLOORS_VIEW, NO_FLOOR, reduceBimFloors, type BimFloorsAction, type BimFloorsView,
} from '../../../src/analysis/bim/bimFloorsView';
import { EXPLODE_MAX_GAP_M } from '../../../src/analysis/bim/floorModel';
import { floorsFile } from './fixtures';

const file = floorsFile();
const run = (actions: BimFloorsAction[], from: BimFloorsView = INITIAL_BIM_FLOORS_VIEW): BimFloorsView =>
  actions.reduce((s, a) => reduceBimFloors(s, a, file), from);

describe('BIM floors tool state', () => {
  it('acts only on buildings of the floor file', () => {
    expect(run([{ type: 'select', buildingId: 'osm:way/404' }]).buildingId).toBeNull();
    expect(run([{ type: 'select', buildingId: 'osm:way/1' }]).buildingId).toBe('osm:way/1');
    expect(run([{ type: 'select', buildingId: 'osm:way/1' }, { type: 'select', buildingId: null }]).buildingId).toBeNull();
    // Without a building there is nothing to isolate.
    expect(run([{ type: 'isolate', index: 0 }]).isolated).toBeNull();
    expect(run([{ type: 'step', delta: 1 }]).isolated).toBeNull();
  });

  it('isolates existing floors only, toggles from the list and steps within the building', () => {
    const museum = run([{ type: 'select', buildingId: 'osm:way/1' }]);
    expect(run([{ type: 'isolate', index: 2 }], museum).isolated).toBe(2);
    expect(run([{ type: 'isolate', index: 6 }], museum).isolated).toBeNull();
    expect(run([{ type: 'isolate', index: 1.5 }], museum).isolated).toBeNull();
    expect(run([{ type: 'isolate', index: 2 }, { type: 'isolate', index: null }], museum).isolated).toBeNull();
    expect(run([{ type: 'toggle', index: 3 }], museum).isolated).toBe(3);
    expect(run([{ type: 'toggle', index: 3 }, { type: 'toggle', index: 3 }], museum).isolated).toBeNull();
    expect(run([{ type: 'toggle', index: 3 }, { type: 'toggle', index: 4 }], museum).isolated).toBe(4);
    expect(run([{ type: 'step', delta: 1 }], museum).isolated).toBe(0);
    expect(run([{ type: 'step', delta: -1 }], museum).isolated).toBe(5);
    expect(run([{ type: 'isolate', index: 5 }, { type: 'step', delta: 1 }], museum).isolated).toBe(5);
    expect(run([{ type: 'isolate', index: 0 }, { type: 'step', delta: -1 }], museum).isolated).toBe(0);
  });

  it('drops the isolated floor when the building changes, keeping explode and ghost', () => {
    const s = run([
      { type: 'select', buildingId: 'osm:way/1' }, { type: 'isolate', index: 4 }, { type: 'explode', factor: 0.5 }, { type: 'ghost', opacity: 0.3 },
      { type: 'select', buildingId: 'gen:test:tower' },
    ]);
    expect(s).toEqual({ buildingId: 'gen:test:tower', isolated: null, explode: 0.5, ghostOpacity: 0.3 });
    // Re-selecting the same building keeps its floor.
    const same = run([{ type: 'select', buildingId: 'osm:way/1' }, { type: 'isolate', index: 4 }, { type: 'select', buildingId: 'osm:way/1' }]);
    expect(same.isolated).toBe(4);
    expect(run([{ type: 'reset' }], s)).toEqual({ ...INITIAL_BIM_FLOORS_VIEW, buildingId: 'gen:test:tower' });
  });

  it('clamps explode and ghost to [0, 1] and ignores NaN', () => {
    expect(run([{ type: 'explode', factor: 3 }]).explode).toBe(1);
    expect(run([{ type: 'explode', factor: 0.4 }, { type: 'explode', factor: Number.NaN }]).explode).toBe(0.4);
    expect(run([{ type: 'ghost', opacity: -2 }]).ghostOpacity).toBe(0);
    expect(run([{ type: 'ghost', opacity: Number.NaN }]).ghostOpacity).toBe(DEFAULT_GHOST_OPACITY);
  });

  it('derives the material uniforms: NO_FLOOR and no gap without a building', () => {
    expect(bimFloorUniforms(INITIAL_BIM_FLOORS_VIEW, file)).toEqual({ buildingId: null, isolatedFloor: NO_FLOOR, ghostOpacity: DEFAULT_GHOST_OPACITY, explodeGapM: 0 });
    const s = run([{ type: 'select', buildingId: 'osm:way/1' }, { type: 'isolate', index: 2 }, { type: 'explode', factor: 0.5 }]);
    expect(bimFloorUniforms(s, file)).toEqual({ buildingId: 'osm:way/1', isolatedFloor: 2, ghostOpacity: DEFAULT_GHOST_OPACITY, explodeGapM: EXPLODE_MAX_GAP_M / 2 });
    // A file reloaded without that building lets go of it.
    expect(bimFloorUniforms(s, { ...file, buildings: [] }).buildingId).toBeNull();
    expect(bimFloorUniforms(s, null).explodeGapM).toBe(0);
  });
});

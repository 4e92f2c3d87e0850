import { describe, expect, it } from 'vitest';
import { buildingIdOf, FeatureIndex, featureIdForFace, NO_FEATURE, toPlainProperties } from '../../../src/layers/buildings/model';
import { LIMIT_EDGES, patchHighlightShader } from '../../../src/layers/buildings/highlightShader';
import { heightLimitHighlightState, setHeightLimitHighlight } from '../../../src/layers/buildings/highlightMaterial';
import { BufferAttribute, InterleavedBuffer, InterleavedBufferAttribute, ShaderLib } from 'three';

const reader = (a: ArrayLike<number>) => ({ count: a.length, getX: (i: number) => a[i]! });

describe('featureIdForFace', () => {
  const ids = reader(new Uint16Array([7, 7, 7, 9, 9, 9]));
  it('reads the face vertex id, indexed and not', () => {
    const index = reader(new Uint32Array([3, 4, 5, 0, 1, 2]));
    expect(featureIdForFace(index, ids, 0, null, 6)).toBe(9);
    expect(featureIdForFace(index, ids, 1, null, 6)).toBe(7);
    expect(featureIdForFace(null, ids, 1, null, 6)).toBe(9);
  });
  it('returns null out of range and for the null feature id', () => {
    expect(featureIdForFace(null, ids, 2, null, 6)).toBeNull();
    expect(featureIdForFace(reader(new Uint32Array([99, 0, 0])), ids, 0, null, 6)).toBeNull();
    expect(featureIdForFace(null, ids, -1, null, 6)).toBeNull();
    expect(featureIdForFace(null, ids, 0, 7, 6)).toBeNull();
  });
  it('reads interleaved three.js attributes through getX', () => {
    // Vertex stream: [x, id] pairs; the raw array would give the x values.
    const stream = new InterleavedBuffer(new Float32Array([0.5, 4, 0.5, 4, 0.5, 4, 1.5, 8, 1.5, 8, 1.5, 8]), 2);
    const featureIds = new InterleavedBufferAttribute(stream, 1, 1);
    const index = new BufferAttribute(new Uint16Array([3, 4, 5]), 1);
    expect(featureIdForFace(index, featureIds, 0, null, 6)).toBe(8);
    expect(featureIdForFace(null, featureIds, 0, null, 6)).toBe(4);
  });
  it('uses the vertex index for implicit ids', () => {
    expect(featureIdForFace(null, null, 1, null, 6)).toBe(3);
  });
});

describe('FeatureIndex', () => {
  it('maps a building to every tile mesh that draws it, and forgets unloaded tiles', () => {
    const idx = new FeatureIndex<string>();
    idx.add('osm:way/1', 'tileA', 3);
    idx.add('osm:way/1', 'tileB', 0);
    idx.add('osm:way/1', 'tileB', 0);
    idx.add('osm:way/2', 'tileA', 4);
    expect(idx.refs('osm:way/1')).toEqual([{ target: 'tileA', featureId: 3 }, { target: 'tileB', featureId: 0 }]);
    expect(idx.featureIn('osm:way/2', 'tileA')).toBe(4);
    expect(idx.featureIn('osm:way/2', 'tileB')).toBe(NO_FEATURE);
    idx.removeTarget('tileA');
    expect(idx.refs('osm:way/1')).toEqual([{ target: 'tileB', featureId: 0 }]);
    expect(idx.refs('osm:way/2')).toEqual([]);
    expect(idx.buildingCount).toBe(1);
    expect(idx.refs(null)).toEqual([]);
    idx.removeTarget('tileB');
    expect(idx.targetCount).toBe(0);
  });
});

describe('toPlainProperties', () => {
  it('keeps strings and finite numbers, converts BigInt, booleans and arrays, drops the rest', () => {
    const p = toPlainProperties({
      id: 'osm:way/5', name: '上海中心', heightM: 632.5, floors: 127n, bad: Number.NaN, obj: { x: 1 },
      planned: true, tags: ['a', 'b'], vec: new Float32Array([1, 2]), nothing: null,
    });
    expect(p).toEqual({ id: 'osm:way/5', name: '上海中心', heightM: 632.5, floors: 127, planned: 'true', tags: 'a, b', vec: '1, 2' });
    expect(toPlainProperties(null)).toEqual({});
  });
  it('finds the building id', () => {
    expect(buildingIdOf({ id: 'gen:jiading:4' })).toBe('gen:jiading:4');
    expect(buildingIdOf({ id: '' })).toBeNull();
    expect(buildingIdOf({ name: 'x' })).toBeNull();
  });
});

describe('patchHighlightShader', () => {
  it('patches the standard material shaders', () => {
    const { vertexShader, fragmentShader } = ShaderLib.physical;
    const r = patchHighlightShader(vertexShader, fragmentShader, '_feature_id_0');
    expect(r.ok).toBe(true);
    expect(r.vertexShader).toContain('attribute float _feature_id_0;');
    expect(r.vertexShader).toContain('vShentwinFeatureId = _feature_id_0;');
    expect(r.fragmentShader).toContain('uniform float uShentwinHoverId;');
    expect(r.fragmentShader).toContain('totalEmissiveRadiance +=');
    expect(r.fragmentShader.indexOf('shentwinHover =')).toBeGreaterThan(r.fragmentShader.indexOf('#include <color_fragment>'));
  });
  it('patches basic materials without emissive', () => {
    const r = patchHighlightShader(ShaderLib.basic.vertexShader, ShaderLib.basic.fragmentShader, '_feature_id_0');
    expect(r.ok).toBe(true);
    expect(r.fragmentShader).not.toContain('totalEmissiveRadiance +=');
  });
  it('carries the height-limit tint, fed with world positions after the model transform', () => {
    const r = patchHighlightShader(ShaderLib.physical.vertexShader, ShaderLib.physical.fragmentShader, '_feature_id_0');
    expect(r.vertexShader.indexOf('vShentwinWorld = (modelMatrix')).toBeGreaterThan(r.vertexShader.indexOf('#include <project_vertex>'));
    expect(r.fragmentShader).toContain(`uniform vec4 uShentwinLimitEdges[${LIMIT_EDGES}];`);
    expect(r.fragmentShader.indexOf('shentwinOver = shentwinAboveLimit()')).toBeGreaterThan(r.fragmentShader.indexOf('#include <color_fragment>'));
  });
  it('switches the shared height-limit uniforms on and off, refusing a broken limit', () => {
    const edges = new Float32Array([0, 0, 10, 0, 10, 0, 10, 10, 10, 10, 0, 0]);
    setHeightLimitHighlight({ limitZ: 50, edges, edgeCount: 3, bbox: [0, 0, 10, 10] });
    expect(heightLimitHighlightState()).toEqual({ on: true, edges: 3, limitZ: 50 });
    setHeightLimitHighlight({ limitZ: Number.NaN, edges, edgeCount: 3, bbox: [0, 0, 10, 10] });
    expect(heightLimitHighlightState().on).toBe(false);
    setHeightLimitHighlight(null);
    expect(heightLimitHighlightState()).toMatchObject({ on: false, edges: 0 });
  });
  it('refuses unknown shaders and unsafe attribute names', () => {
    expect(patchHighlightShader('void main(){}', 'void main(){}', '_feature_id_0').ok).toBe(false);
    expect(patchHighlightShader(ShaderLib.basic.vertexShader, ShaderLib.basic.fragmentShader, 'a; evil').ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  BufferAttribute, BufferGeometry, Group, LineBasicMaterial, LineSegments, Mesh, MeshStandardMaterial, ShaderLib, type Material, type WebGLRenderer,
} from 'three';
import { NO_FLOOR } from '../../../src/analysis/bim/bimFloorsView';
import { BimTileFloors } from '../../../src/layers/bim/BimTileFloors';
import { bimFloorStateOf, createBimFloorUniforms, installBimFloors } from '../../../src/layers/bim/bimFloorMaterial';
import { patchBimFloorShader } from '../../../src/layers/bim/bimFloorShader';
import { BIM_FLOOR_GEOMETRY_ATTRIBUTE, BIM_FLOORS_PROGRAM_KEY, castsShadow, MAX_EXPLODE_GAP_M, sanitizeBimFloorValues, storeyHeightOf } from '../../../src/layers/bim/model';
import { BuildingTilePlugin } from '../../../src/layers/buildings/BuildingTilePlugin';
import { HIGHLIGHT_PROGRAM_KEY } from '../../../src/layers/buildings/highlightShader';
import { FLOOR_ATTRIBUTE } from '../../../src/tiler/bim/floorTags';

/** What GLTFLoader makes of one CIM5 tile: feature-id meshes and mullion lines, all with `_floor`. */
function cim5Tile(buildingId: string): { scene: Group; slabs: Mesh; glass: Mesh; mullions: LineSegments; plain: Mesh } {
  // Storeys of 3.5 m from y = −1 (object space is y-up); value 2 is the roof at y = 6.
  const geometry = (floors: number[]): BufferGeometry => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(floors.flatMap((f) => [0, -1 + 3.5 * f, 0])), 3));
    g.setAttribute('_feature_id_0', new BufferAttribute(new Uint16Array(floors.length), 1));
    g.setAttribute(BIM_FLOOR_GEOMETRY_ATTRIBUTE, new BufferAttribute(new Uint16Array(floors), 1));
    return g;
  };
  const withMetadata = (m: Mesh): Mesh => {
    m.userData.meshFeatures = { getFeatureInfo: () => [{ attribute: 0, propertyTable: 0, nullFeatureId: null }] };
    m.userData.structuralMetadata = {
      tableAccessors: [{ count: 1, getPropertyValue: (name: string) => (name === 'id' ? buildingId : null) }],
      getPropertyTableData: () => ({ id: buildingId }),
    };
    return m;
  };
  const slabs = withMetadata(new Mesh(geometry([0, 0, 0, 1, 1, 1]), new MeshStandardMaterial()));
  const glass = withMetadata(new Mesh(geometry([0, 0, 2, 2]), new MeshStandardMaterial({ transparent: true, opacity: 0.32 })));
  const mullions = new LineSegments(geometry([0, 2]), new LineBasicMaterial());
  const plain = new Mesh(new BufferGeometry(), new MeshStandardMaterial());
  const scene = new Group().add(slabs, glass, mullions, plain);
  // As in the app: the buildings plugin runs first and installs the highlight.
  new BuildingTilePlugin().processTileModel(scene);
  return { scene, slabs, glass, mullions, plain };
}

function compiled(material: Material, kind: 'physical' | 'basic') {
  const shader = { vertexShader: ShaderLib[kind].vertexShader, fragmentShader: ShaderLib[kind].fragmentShader, uniforms: {} as Record<string, { value: unknown }> };
  material.onBeforeCompile(shader as never, {} as WebGLRenderer);
  return shader;
}

describe('CIM5 floor shader patch', () => {
  it('reads _floor, lifts vertices by floor × gap and ghosts other floors', () => {
    expect(BIM_FLOOR_GEOMETRY_ATTRIBUTE).toBe(FLOOR_ATTRIBUTE.toLowerCase());
    for (const kind of ['physical', 'basic'] as const) {
      const p = patchBimFloorShader(ShaderLib[kind].vertexShader, ShaderLib[kind].fragmentShader, '_floor', 'dither')!;
      expect(p.vertexShader).toContain('attribute float _floor;');
      expect(p.vertexShader).toContain('transformed.y += uShentwinBimActive * uShentwinBimGap * _floor;');
      expect(p.vertexShader.indexOf('transformed.y +=')).toBeGreaterThan(p.vertexShader.indexOf('#include <begin_vertex>'));
      expect(p.fragmentShader).toContain('discard;');
      expect(p.fragmentShader.indexOf('shentwinBimGhosted() > 0.5')).toBeGreaterThan(p.fragmentShader.indexOf('#include <color_fragment>'));
      expect(p.fragmentShader).toContain('if (shentwinBimInGap() > 0.5) discard;');
    }
    const blend = patchBimFloorShader(ShaderLib.physical.vertexShader, ShaderLib.physical.fragmentShader, '_floor', 'blend')!;
    expect(blend.fragmentShader).toContain('diffuseColor.a *= uShentwinBimGhost;');
    expect(blend.fragmentShader).not.toContain('>= uShentwinBimGhost) discard;');
  });

  it('refuses shaders it does not know and attribute names that are not identifiers', () => {
    expect(patchBimFloorShader('void main(){}', 'void main(){}', '_floor', 'dither')).toBeNull();
    expect(patchBimFloorShader(ShaderLib.basic.vertexShader, ShaderLib.basic.fragmentShader, '_floor; x', 'dither')).toBeNull();
  });

  it('composes with the highlight patch, shares its uniforms and keys the program by both', () => {
    const { slabs, glass, mullions } = cim5Tile('osm:way/1');
    const shared = createBimFloorUniforms();
    for (const o of [slabs, glass, mullions]) installBimFloors(o.material as Material, shared);
    const s = compiled(slabs.material as Material, 'physical');
    expect(s.vertexShader).toContain('attribute float _feature_id_0;');
    expect(s.vertexShader).toContain('attribute float _floor;');
    expect(s.fragmentShader).toContain('uShentwinHoverId');
    expect(s.uniforms.uShentwinBimGap).toBe(shared.uShentwinBimGap);
    expect(s.uniforms.uShentwinHoverId).toBeDefined();
    expect(s.uniforms.uShentwinBimActive).toBe(bimFloorStateOf(slabs.material as Material)!.uShentwinBimActive);
    expect(compiled(mullions.material as Material, 'basic').fragmentShader).toContain('discard;');
    expect(compiled(glass.material as Material, 'physical').fragmentShader).toContain('diffuseColor.a *= uShentwinBimGhost;');
    const key = (slabs.material as Material).customProgramCacheKey();
    expect(key).toBe(`${HIGHLIGHT_PROGRAM_KEY}:_feature_id_0|${BIM_FLOORS_PROGRAM_KEY}:_floor:dither`);
    expect((glass.material as Material).customProgramCacheKey()).toMatch(/:blend$/);
    // Installing twice changes nothing.
    const state = bimFloorStateOf(slabs.material as Material);
    expect(installBimFloors(slabs.material as Material, shared)).toBe(state);
    expect((slabs.material as Material).customProgramCacheKey()).toBe(key);
  });
});

describe('BimTileFloors', () => {
  it('patches only CIM5 objects and drives the tool building alone', () => {
    const floors = new BimTileFloors();
    const a = cim5Tile('osm:way/1');
    const b = cim5Tile('osm:way/2');
    expect(floors.addScene(a.scene)).toBe(true);
    expect(floors.addScene(b.scene)).toBe(true);
    expect(floors.addScene(new Group().add(new Mesh(new BufferGeometry(), new MeshStandardMaterial())))).toBe(false);
    expect(bimFloorStateOf(a.plain.material as Material)).toBeNull();
    // Read from each piece's own vertices, for cutting the exploded gaps out of spanning pieces.
    expect(bimFloorStateOf(a.glass.material as Material)!.uShentwinBimStorey.value).toBeCloseTo(3.5, 6);
    expect(bimFloorStateOf(a.slabs.material as Material)!.uShentwinBimStorey.value).toBeCloseTo(3.5, 6);
    expect(floors.isLoaded('osm:way/2')).toBe(true);
    expect(floors.isLoaded('osm:way/3')).toBe(false);

    floors.apply({ buildingId: 'osm:way/1', isolatedFloor: 2, ghostOpacity: 0.2, explodeGapM: 3 });
    expect(floors.uniforms.uShentwinBimIsolate.value).toBe(2);
    expect(floors.uniforms.uShentwinBimGhost.value).toBe(0.2);
    expect(floors.uniforms.uShentwinBimGap.value).toBe(3);
    const active = (o: { material: Material | Material[] }): number => bimFloorStateOf(o.material as Material)!.uShentwinBimActive.value;
    expect([a.slabs, a.glass, a.mullions].map(active)).toEqual([1, 1, 1]);
    expect([b.slabs, b.glass, b.mullions].map(active)).toEqual([0, 0, 0]);
    // The shadow pass draws the building as built, so an isolated or exploded building casts none.
    expect([a.slabs.castShadow, b.slabs.castShadow]).toEqual([false, true]);

    floors.apply({ buildingId: 'osm:way/2', isolatedFloor: NO_FLOOR, ghostOpacity: 0.2, explodeGapM: 0 });
    expect([active(a.slabs), active(b.slabs)]).toEqual([0, 1]);
    expect([a.slabs.castShadow, b.slabs.castShadow]).toEqual([true, true]);

    floors.removeScene(b.scene);
    expect(floors.isLoaded('osm:way/2')).toBe(false);
    floors.apply({ buildingId: 'osm:way/1', isolatedFloor: 0, ghostOpacity: 0.2, explodeGapM: 0 });
    floors.clear();
    expect([active(a.slabs), a.slabs.castShadow, floors.uniforms.uShentwinBimIsolate.value]).toEqual([0, true, NO_FLOOR]);
  });

  it('a tile that loads while a floor is isolated joins in at once', () => {
    const floors = new BimTileFloors();
    let changes = 0;
    floors.onChange = () => changes++;
    floors.apply({ buildingId: 'osm:way/7', isolatedFloor: 1, ghostOpacity: 0.2, explodeGapM: 2 });
    const t = cim5Tile('osm:way/7');
    floors.addScene(t.scene);
    expect(bimFloorStateOf(t.slabs.material as Material)!.uShentwinBimActive.value).toBe(1);
    expect(t.slabs.castShadow).toBe(false);
    expect(changes).toBe(2);
  });

  it('never hands NaN or out-of-range values to the uniforms', () => {
    expect(sanitizeBimFloorValues({ buildingId: '', isolatedFloor: 1.5, ghostOpacity: Number.NaN, explodeGapM: Infinity })).toEqual({
      buildingId: null, isolatedFloor: NO_FLOOR, ghostOpacity: 0.18, explodeGapM: 0,
    });
    expect(sanitizeBimFloorValues({ buildingId: 'x', isolatedFloor: 3, ghostOpacity: 4, explodeGapM: 1e6 })).toEqual({
      buildingId: 'x', isolatedFloor: 3, ghostOpacity: 1, explodeGapM: MAX_EXPLODE_GAP_M,
    });
    const floors = new BimTileFloors();
    floors.apply({ buildingId: 'x', isolatedFloor: Number.NaN, ghostOpacity: -1, explodeGapM: Number.NaN });
    expect(Object.values(floors.uniforms).map((u) => u.value).filter((v) => typeof v === 'number').every(Number.isFinite)).toBe(true);
    expect(castsShadow({ buildingId: 'x', isolatedFloor: NO_FLOOR, ghostOpacity: 1, explodeGapM: 0 }, true)).toBe(true);
  });

  it('reads a storey height from a piece only when its vertices make sense', () => {
    const reader = (xs: number[], ys: number[]) => ({ count: xs.length, getX: (i: number) => xs[i]!, getY: (i: number) => ys[i]! });
    expect(storeyHeightOf(reader([0, 0, 5, 5], [0, 2, 0, 18]), reader([0, 0, 5, 5], [0, 0, 0, 0]))).toBe(3.6);
    expect(storeyHeightOf(reader([0, 0], [0, 3]), reader([0, 0], [0, 0]))).toBe(0);
    expect(storeyHeightOf(reader([0, 1], [0, Number.NaN]), reader([0, 1], [0, 0]))).toBe(0);
    expect(storeyHeightOf(reader([], []), reader([], []))).toBe(0);
  });
});

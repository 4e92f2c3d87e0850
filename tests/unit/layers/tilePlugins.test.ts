import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry, Group, Mesh, MeshStandardMaterial } from 'three';
import { BuildingTilePlugin } from '../../../src/layers/buildings/BuildingTilePlugin';
import { featureIdAtFace, featureProperties, buildingIdsOfMesh } from '../../../src/layers/buildings/featureMetadata';
import { highlightUniformsOf } from '../../../src/layers/buildings/highlightMaterial';
import { NO_FEATURE } from '../../../src/layers/buildings/model';
import { GroundTilePlugin } from '../../../src/layers/ground/GroundTilePlugin';

function featureMesh(material: MeshStandardMaterial, ids: number[]): Mesh {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(ids.length * 3), 3));
  g.setAttribute('_feature_id_0', new BufferAttribute(new Uint16Array(ids), 1));
  const m = new Mesh(g, material);
  const rows = [{ id: 'osm:way/1', name: '甲', heightM: 30 }, { id: 'osm:way/2', name: '乙', heightM: 45.5 }];
  m.userData.meshFeatures = { getFeatureInfo: () => [{ attribute: 0, propertyTable: 0, nullFeatureId: null }] };
  m.userData.structuralMetadata = {
    tableAccessors: [{ count: rows.length, getPropertyValue: (name: string, i: number) => (rows[i] as Record<string, unknown>)[name] }],
    getPropertyTableData: (_t: number, i: number) => rows[i],
  };
  return m;
}

describe('BuildingTilePlugin', () => {
  it('gives each feature mesh its own highlight material and turns shadows on', () => {
    const shared = new MeshStandardMaterial();
    const a = featureMesh(shared, [0, 0, 0, 1, 1, 1]);
    const b = featureMesh(shared, [1, 1, 1]);
    const plain = new Mesh(new BufferGeometry(), new MeshStandardMaterial());
    const scene = new Group().add(a, b, plain);
    new BuildingTilePlugin().processTileModel(scene);
    expect(a.material).not.toBe(b.material);
    const ua = highlightUniformsOf(a)!;
    const ub = highlightUniformsOf(b)!;
    expect(ua.uShentwinHoverId.value).toBe(NO_FEATURE);
    expect(ua).not.toBe(ub);
    expect(highlightUniformsOf(plain)).toBeNull();
    expect(a.castShadow && a.receiveShadow && plain.castShadow).toBe(true);
    expect((a.material as MeshStandardMaterial).customProgramCacheKey()).toBe((b.material as MeshStandardMaterial).customProgramCacheKey());
  });

  it('reads feature ids and property rows from the mesh metadata', () => {
    const m = featureMesh(new MeshStandardMaterial(), [0, 0, 0, 1, 1, 1]);
    expect(featureIdAtFace(m, 1)).toBe(1);
    expect(featureProperties(m, 1)).toEqual({ id: 'osm:way/2', name: '乙', heightM: 45.5 });
    expect(featureProperties(m, 5)).toBeNull();
    expect(buildingIdsOfMesh(m)).toEqual([{ featureId: 0, buildingId: 'osm:way/1' }, { featureId: 1, buildingId: 'osm:way/2' }]);
  });
});

describe('GroundTilePlugin', () => {
  it('tags kinds from names, orders layers, receives shadows and colours from the scene', () => {
    const mat = new MeshStandardMaterial({ color: 0xffffff });
    const water = new Mesh(new BufferGeometry(), mat);
    water.name = 'water';
    const roadGroup = new Group();
    roadGroup.name = 'road';
    const roadPart = new Mesh(new BufferGeometry(), mat);
    roadPart.name = 'road_1';
    roadGroup.add(roadPart);
    const landuse = new Mesh(new BufferGeometry(), new MeshStandardMaterial({ color: 0x123456 }));
    landuse.name = 'landuse';
    const scene = new Group().add(water, roadGroup, landuse);
    new GroundTilePlugin({ water: '#0000ff', road: '#808080', landuse: '#ffffff' }).processTileModel(scene);
    expect(water.userData.groundKind).toBe('water');
    expect(roadPart.userData.groundKind).toBe('road');
    expect(water.receiveShadow && !water.castShadow).toBe(true);
    expect(roadPart.renderOrder).toBeGreaterThan(water.renderOrder);
    expect(water.material).not.toBe(roadPart.material);
    expect((water.material as MeshStandardMaterial).color.getHexString()).toBe('0000ff');
    expect((roadPart.material as MeshStandardMaterial).color.getHexString()).toBe('808080');
    // Land use keeps the tiler's per-class colour.
    expect((landuse.material as MeshStandardMaterial).color.getHex()).toBe(0x123456);
  });
});

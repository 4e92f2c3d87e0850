import { BoxGeometry, BufferAttribute, DirectionalLight, Group, InstancedMesh, Matrix4, Mesh, MeshStandardMaterial, Plane, Scene, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { ShadowSignature, type ShadowRendererState } from '../../../src/views/three/shadowSignature';

function world() {
  const scene = new Scene();
  const sun = new DirectionalLight();
  sun.castShadow = true;
  sun.position.set(100, 200, 50);
  scene.add(sun, sun.target);
  const tile = new Group();
  const building = new Mesh(new BoxGeometry(10, 30, 10), new MeshStandardMaterial());
  building.castShadow = true;
  const ground = new Mesh(new BoxGeometry(500, 1, 500), new MeshStandardMaterial());
  ground.receiveShadow = true;
  tile.add(building);
  scene.add(tile, ground);
  const renderer: ShadowRendererState = { clippingPlanes: [], localClippingEnabled: false };
  const sig = new ShadowSignature();
  /** The renderer updates world matrices before onBeforeRender; so does this. */
  const changed = () => {
    scene.updateMatrixWorld();
    sun.shadow.camera.updateProjectionMatrix();
    return sig.update(scene, renderer);
  };
  return { scene, sun, tile, building, ground, renderer, sig, changed };
}

describe('ShadowSignature', () => {
  it('reports a change on the first frame and none while nothing moves', () => {
    const w = world();
    expect(w.changed()).toBe(true);
    expect(w.changed()).toBe(false);
    expect(w.changed()).toBe(false);
    expect(w.sig.length).toBeGreaterThan(0);
  });

  it('ignores what does not cast: a receiving-only mesh moving, a new non-casting mesh', () => {
    const w = world();
    w.changed();
    w.ground.position.x += 5;
    w.scene.add(new Mesh(new BoxGeometry(), new MeshStandardMaterial()));
    expect(w.changed()).toBe(false);
  });

  it('sees a caster moving, hiding, appearing or leaving', () => {
    const w = world();
    w.changed();
    w.building.position.y += 0.01;
    expect(w.changed()).toBe(true);
    expect(w.changed()).toBe(false);
    w.tile.visible = false;
    expect(w.changed(), 'a tile hidden by the traversal').toBe(true);
    w.tile.visible = true;
    expect(w.changed()).toBe(true);
    const other = new Mesh(new BoxGeometry(), new MeshStandardMaterial());
    other.castShadow = true;
    w.tile.add(other);
    expect(w.changed(), 'a tile loaded').toBe(true);
    w.tile.remove(other);
    expect(w.changed(), 'a tile disposed').toBe(true);
    w.building.castShadow = false;
    expect(w.changed(), 'castShadow turned off (BIM floors)').toBe(true);
  });

  it('sees the geometry drawn change: index swap, draw range, rewritten positions', () => {
    const w = world();
    w.changed();
    const g = w.building.geometry;
    const full = g.index!;
    g.setIndex(new BufferAttribute(new Uint16Array([0, 1, 2]), 1));
    expect(w.changed(), 'a scheme hides existing buildings by swapping the index').toBe(true);
    g.setIndex(full);
    expect(w.changed(), 'and swaps it back').toBe(true);
    expect(w.changed()).toBe(false);
    g.setDrawRange(0, 6);
    expect(w.changed()).toBe(true);
    g.attributes.position!.needsUpdate = true;
    expect(w.changed(), 'positions rewritten in place').toBe(true);
    g.index!.needsUpdate = true;
    expect(w.changed(), 'index rewritten in place').toBe(true);
  });

  it('sees the material, instances, the light and clipping change', () => {
    const w = world();
    w.changed();
    (w.building.material as MeshStandardMaterial).needsUpdate = true;
    expect(w.changed(), 'material recompiled').toBe(true);
    w.building.material = new MeshStandardMaterial();
    expect(w.changed(), 'material replaced').toBe(true);

    const inst = new InstancedMesh(new BoxGeometry(), new MeshStandardMaterial(), 4);
    inst.castShadow = true;
    w.scene.add(inst);
    expect(w.changed()).toBe(true);
    inst.setMatrixAt(1, new Matrix4().makeTranslation(1, 2, 3));
    inst.instanceMatrix.needsUpdate = true;
    expect(w.changed(), 'instances moved').toBe(true);
    inst.count = 2;
    expect(w.changed(), 'instance count').toBe(true);

    w.sun.position.set(100, 150, 80);
    expect(w.changed(), 'the sun moved').toBe(true);
    w.sun.shadow.camera.left = -123;
    expect(w.changed(), 'the shadow camera resized').toBe(true);
    w.sun.shadow.normalBias = 0.5;
    expect(w.changed(), 'bias').toBe(true);
    w.sun.castShadow = false;
    expect(w.changed(), 'shadows off').toBe(true);
    w.sun.castShadow = true;
    expect(w.changed()).toBe(true);

    w.renderer.clippingPlanes = [new Plane(new Vector3(1, 0, 0), 5)];
    expect(w.changed(), 'a section plane').toBe(true);
    w.renderer.clippingPlanes[0]!.constant = 6;
    expect(w.changed(), 'the section plane dragged').toBe(true);
    expect(w.changed()).toBe(false);
  });

  it('reset forces one change; the signature grows past its first buffer', () => {
    const w = world();
    for (let i = 0; i < 500; i++) {
      const m = new Mesh(new BoxGeometry(), new MeshStandardMaterial());
      m.castShadow = true;
      m.position.set(i, 0, 0);
      w.tile.add(m);
    }
    expect(w.changed()).toBe(true);
    expect(w.sig.length).toBeGreaterThan(4096);
    expect(w.changed()).toBe(false);
    w.sig.reset();
    expect(w.changed()).toBe(true);
    expect(w.changed()).toBe(false);
    (w.tile.children[250] as Mesh).position.z = 1;
    expect(w.changed()).toBe(true);
  });
});

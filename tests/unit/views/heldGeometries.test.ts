import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Mesh, MeshBasicMaterial, Scene } from 'three';
import { heldUploadedGeometryCount } from '../../../src/views/three/heldGeometries';

/** What three's WebGLGeometries does to a geometry it uploads. */
function upload<T extends BoxGeometry>(g: T): T {
  g.addEventListener('dispose', () => {});
  return g;
}

describe('heldUploadedGeometryCount', () => {
  it('counts uploaded geometries of the scene and of cached tiles once each, and no others', () => {
    const mat = new MeshBasicMaterial();
    const shared = upload(new BoxGeometry());
    const scene = new Scene();
    scene.add(new Mesh(shared, mat), new Mesh(shared, mat), new Mesh(upload(new BoxGeometry()), mat));
    scene.add(new Mesh(new BoxGeometry(), mat)); // in the scene, never drawn: not on the GPU
    const drawnTile = new Group();
    drawnTile.add(new Mesh(upload(new BoxGeometry()), mat));
    scene.add(drawnTile);
    const hiddenTile = new Group();
    hiddenTile.add(new Mesh(upload(new BoxGeometry()), mat), new Mesh(new BoxGeometry(), mat));
    const tiles = [{ engineData: { scene: drawnTile } }, { engineData: { scene: hiddenTile } }, { engineData: { scene: null } }, {}];
    // shared, the other scene mesh, the drawn tile's (once, though reachable twice), the hidden tile's uploaded one.
    expect(heldUploadedGeometryCount(scene, tiles)).toBe(4);
  });

  it('a disposed geometry (three removes its listener) is not counted', () => {
    const g = new BoxGeometry();
    const onDispose = () => g.removeEventListener('dispose', onDispose);
    g.addEventListener('dispose', onDispose);
    const scene = new Scene().add(new Mesh(g, new MeshBasicMaterial()));
    expect(heldUploadedGeometryCount(scene, [])).toBe(1);
    g.dispose();
    expect(heldUploadedGeometryCount(scene, [])).toBe(0);
  });
});

/**
 * The naive peer: the same zone's detailed (CIM3) buildings, but one three.js Mesh per building,
 * as a typical demo builds them from footprints. Geometry is split out of our own baked tiles so
 * both sides draw identical triangles; only the batching differs. Materials are shared per source
 * material, which flatters the naive side (a demo usually makes one material per building).
 */
import { BufferAttribute, BufferGeometry, Group, Mesh, type Material } from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';

interface TileJson { content?: { uri: string }; children?: TileJson[] }

/** Content of every child of the root: the CIM3 level (detail tiles and signature CIM3 tiles). */
export function detailContentUris(root: TileJson): string[] {
  return (root.children ?? []).flatMap((c) => (c.content ? [c.content.uri] : []));
}

function splitByFeature(geom: BufferGeometry, material: Material, out: Group): number {
  const fid = geom.getAttribute('_feature_id_0');
  const pos = geom.getAttribute('position');
  const nrm = geom.getAttribute('normal');
  if (!fid || !pos) return 0;
  const index = geom.getIndex();
  const triCount = index ? index.count / 3 : pos.count / 3;
  const vertexAt = (i: number) => (index ? index.getX(i) : i);
  const trisByFeature = new Map<number, number[]>();
  for (let t = 0; t < triCount; t++) {
    const a = vertexAt(t * 3);
    const f = fid.getX(a);
    let list = trisByFeature.get(f);
    if (!list) trisByFeature.set(f, (list = []));
    list.push(t);
  }
  for (const tris of trisByFeature.values()) {
    const p = new Float32Array(tris.length * 9);
    const n = nrm ? new Float32Array(tris.length * 9) : null;
    let k = 0;
    for (const t of tris) {
      for (let c = 0; c < 3; c++) {
        const v = vertexAt(t * 3 + c);
        p[k] = pos.getX(v); p[k + 1] = pos.getY(v); p[k + 2] = pos.getZ(v);
        if (n && nrm) { n[k] = nrm.getX(v); n[k + 1] = nrm.getY(v); n[k + 2] = nrm.getZ(v); }
        k += 3;
      }
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(p, 3));
    if (n) g.setAttribute('normal', new BufferAttribute(n, 3));
    g.computeBoundingSphere();
    out.add(new Mesh(g, material));
  }
  return trisByFeature.size;
}

/** Loads the detail glbs and returns a group (glTF y-up frame of the tileset root) of per-building meshes. */
export async function buildNaiveScene(tilesetUrl: string): Promise<{ group: Group; meshes: number }> {
  const json = (await (await fetch(tilesetUrl)).json()) as { root: TileJson };
  const loader = new GLTFLoader();
  const group = new Group();
  let meshes = 0;
  for (const uri of detailContentUris(json.root)) {
    const gltf = await loader.loadAsync(new URL(uri, new URL(tilesetUrl, location.href)).href);
    gltf.scene.updateMatrixWorld(true);
    gltf.scene.traverse((o) => {
      const m = o as Mesh;
      // Only triangle meshes: floor lines (LINES) are drawn by neither side in this comparison.
      if (!m.isMesh || Array.isArray(m.material)) return;
      const sub = new Group();
      meshes += splitByFeature(m.geometry, m.material, sub);
      sub.applyMatrix4(m.matrixWorld);
      group.add(sub);
    });
  }
  return { group, meshes };
}

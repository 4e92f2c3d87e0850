/**
 * Sensor marker shapes, metres, standing on the ground (y = 0) on a thin mast so they read above
 * traffic. Unit height is the style's sizeM; the shader enlarges them with distance.
 */
import {
  BoxGeometry, ConeGeometry, CylinderGeometry, IcosahedronGeometry, OctahedronGeometry, TetrahedronGeometry, type BufferGeometry,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { SensorShape } from './style';

function mast(h: number): BufferGeometry {
  return new CylinderGeometry(0.35, 0.35, h, 6).translate(0, h / 2, 0);
}

function merge(parts: BufferGeometry[]): BufferGeometry {
  // Polyhedra come non-indexed; index-free merging needs every part the same way.
  const flat = parts.map((p) => (p.index ? p.toNonIndexed() : p));
  for (const p of flat) p.deleteAttribute('uv');
  const g = mergeGeometries(flat, false);
  for (const p of parts) p.dispose();
  for (const p of flat) p.dispose();
  if (!g) throw new Error('sensor geometry parts do not merge');
  g.computeBoundingSphere();
  return g;
}

export function createSensorGeometry(shape: SensorShape, sizeM: number): BufferGeometry {
  const h = sizeM;
  switch (shape) {
    case 'sphere':
      return merge([mast(h * 0.7), new IcosahedronGeometry(h * 0.22, 1).translate(0, h * 0.78, 0)]);
    case 'octahedron':
      return merge([mast(h * 0.7), new OctahedronGeometry(h * 0.24).translate(0, h * 0.78, 0)]);
    case 'cone':
      return merge([mast(h * 0.6), new ConeGeometry(h * 0.22, h * 0.4, 12).translate(0, h * 0.8, 0)]);
    case 'gauge':
      return merge([new CylinderGeometry(h * 0.22, h * 0.22, h, 14).translate(0, h / 2, 0), new CylinderGeometry(h * 0.3, h * 0.3, h * 0.08, 14).translate(0, h, 0)]);
    case 'sign':
      return merge([mast(h * 0.65), new BoxGeometry(h * 0.55, h * 0.4, h * 0.1).translate(0, h * 0.8, 0)]);
    case 'cabinet':
      return merge([new BoxGeometry(h * 0.2, h * 0.75, h * 0.2).translate(0, h * 0.375, 0), new CylinderGeometry(h * 0.28, h * 0.28, h * 0.06, 14).translate(0, h * 0.8, 0)]);
    case 'pole':
      return merge([mast(h), new BoxGeometry(h * 0.35, h * 0.06, h * 0.12).translate(h * 0.15, h, 0)]);
    case 'pillar':
      return merge([new BoxGeometry(h * 0.3, h, h * 0.2).translate(0, h / 2, 0)]);
    case 'tetra':
      return merge([mast(h * 0.6), new TetrahedronGeometry(h * 0.28).translate(0, h * 0.8, 0)]);
  }
}

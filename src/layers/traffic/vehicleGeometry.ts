/**
 * Low-poly vehicle shapes, one per class, in metres: length along +x (the front at +x), up along
 * +y, width along z, the ground at y = 0. Each is a few merged boxes and cylinders, so one
 * instanced draw call per class stays cheap with thousands of instances.
 */
import { BoxGeometry, CylinderGeometry, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { VehicleShape } from './style';

function box(l: number, h: number, w: number, x: number, y: number): BufferGeometry {
  return new BoxGeometry(l, h, w).translate(x, y + h / 2, 0);
}

function merge(parts: BufferGeometry[]): BufferGeometry {
  const g = mergeGeometries(parts, false);
  for (const p of parts) p.dispose();
  if (!g) throw new Error('vehicle geometry parts do not merge');
  g.computeBoundingSphere();
  return g;
}

export function createVehicleGeometry(shape: VehicleShape): BufferGeometry {
  switch (shape) {
    case 'car':
      return merge([box(4.6, 0.8, 1.8, 0, 0.3), box(2.4, 0.6, 1.6, -0.3, 1.1)]);
    case 'car-sensor': {
      // The roof pod (lidar) is what tells a robotaxi from a private car close up.
      const pod = new CylinderGeometry(0.38, 0.38, 0.45, 10).translate(-0.2, 1.95, 0);
      return merge([box(4.8, 0.8, 1.85, 0, 0.3), box(2.5, 0.6, 1.65, -0.2, 1.1), pod]);
    }
    case 'sweeper': {
      const brush = new CylinderGeometry(0.55, 0.55, 2.0, 10).rotateX(Math.PI / 2).translate(2.3, 0.55, 0);
      return merge([box(4.0, 1.6, 1.8, -0.6, 0.3), box(1.4, 0.6, 1.4, -1.6, 1.9), brush]);
    }
    case 'bus':
      return merge([box(12, 2.8, 2.5, 0, 0.35), box(11.4, 0.2, 2.3, 0, 3.15)]);
    case 'truck':
      return merge([box(2.2, 2.4, 2.4, 3.9, 0.4), box(7.4, 3.1, 2.5, -1.2, 0.4)]);
  }
}

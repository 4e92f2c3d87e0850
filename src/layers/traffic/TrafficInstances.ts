/**
 * The traffic layer's GPU side without React: one InstancedMesh per vehicle class in a group,
 * filled every frame from the feed's VehicleBuffer through the interpolating motion model.
 * Matrices and colours are written straight into the instance arrays and only the used range is
 * uploaded; a non-finite pose is never written. The benchmark drives this same class.
 */
import { Group, type InstancedMesh } from 'three';
import { VEHICLE_CLASS_CODES } from '../../feed/ingest/VehicleBuffer';
import { VEHICLE_CLASSES } from '../../sim/types';
import { commitInstances, createInstancedMesh, linearRgb, writeRgb } from '../live/instancing';
import { createScreenSizeMaterial, type ScreenSizeUniforms } from '../live/screenSizeMaterial';
import { writeInstanceMatrix } from './model';
import { MIN_VEHICLE_PX, SELECTED_VEHICLE_COLOR, STALE_VEHICLE_COLOR, VEHICLE_BASE_UP_M, VEHICLE_STYLE } from './style';
import { createVehicleGeometry } from './vehicleGeometry';
import { VehicleMotion, type VehicleSource } from './VehicleMotion';

/** Class code → class name and colour, so the frame loop indexes arrays instead of maps. */
const CLASS_BY_CODE = VEHICLE_CLASSES.slice().sort((a, b) => VEHICLE_CLASS_CODES[a] - VEHICLE_CLASS_CODES[b]);
const CLASS_COUNT = CLASS_BY_CODE.length;
const CLASS_RGB = CLASS_BY_CODE.map((c) => linearRgb(VEHICLE_STYLE[c].color));
const STALE_RGB = linearRgb(STALE_VEHICLE_COLOR);
const SELECTED_RGB = linearRgb(SELECTED_VEHICLE_COLOR);
const counts = new Int32Array(CLASS_COUNT);

/** What the instances are built from: the motion source plus class codes and stale flags. */
export interface TrafficSource extends VehicleSource {
  classCode: ArrayLike<number>;
  stale: ArrayLike<number>;
}

interface ClassMesh {
  mesh: InstancedMesh;
  capacity: number;
  uniforms: ScreenSizeUniforms;
  grow: boolean;
}

export class TrafficInstances {
  readonly group = new Group();
  readonly motion = new VehicleMotion();
  /** Instances drawn last frame, in total, marked stale (grey), and per class code. */
  drawn = 0;
  staleDrawn = 0;
  readonly drawnByClass = new Array<number>(CLASS_COUNT).fill(0);
  private readonly classes: ClassMesh[];

  constructor(initialCapacity = 512) {
    this.group.name = 'live-traffic-instances';
    this.classes = CLASS_BY_CODE.map((cls) => {
      const style = VEHICLE_STYLE[cls];
      const { material, uniforms } = createScreenSizeMaterial({ minPx: MIN_VEHICLE_PX, sizeM: style.lengthM });
      const mesh = createInstancedMesh(createVehicleGeometry(style.shape), material, initialCapacity, `vehicles-${cls}`);
      this.group.add(mesh);
      return { mesh, capacity: initialCapacity, uniforms, grow: false };
    });
  }

  /** Nothing to draw (no feed, layer hidden). */
  clear(): void {
    for (const c of this.classes) c.mesh.count = 0;
    this.drawn = 0;
    this.staleDrawn = 0;
  }

  /**
   * One frame: advance the motion model to server time `serverNowMs` and write every drawable
   * vehicle into its class's mesh. `selectedSlot` (or −1) is highlighted; `pxWorld` is the
   * viewport's metres per pixel per metre (layers/live/model.ts).
   */
  update(v: TrafficSource, serverNowMs: number, timeScale: number, selectedSlot: number, pxWorld: number): void {
    this.motion.update(v, serverNowMs, timeScale);
    counts.fill(0);
    let stale = 0;
    const { px, py, pyaw, ok, highWater } = this.motion;
    for (let i = 0; i < highWater; i++) {
      if (!ok[i]) continue;
      const code = v.classCode[i]!;
      const cm = this.classes[code];
      if (!cm) continue;
      const n = counts[code]!;
      if (n >= cm.capacity) {
        cm.grow = true;
        continue;
      }
      counts[code] = n + 1;
      if (v.stale[i]) stale++;
      writeInstanceMatrix(cm.mesh.instanceMatrix.array as Float32Array, n * 16, px[i]!, py[i]!, VEHICLE_BASE_UP_M, pyaw[i]!, 1, 1, 1);
      writeRgb(cm.mesh.instanceColor!.array as Float32Array, n * 3, i === selectedSlot ? SELECTED_RGB : v.stale[i] ? STALE_RGB : CLASS_RGB[code]!);
    }
    let drawn = 0;
    for (let c = 0; c < CLASS_COUNT; c++) {
      const cm = this.classes[c]!;
      commitInstances(cm.mesh, counts[c]!);
      cm.uniforms.uStPxWorld.value = pxWorld;
      drawn += counts[c]!;
      this.drawnByClass[c] = counts[c]!;
      // Vehicles over capacity were skipped this frame; the next frame has room for them.
      if (cm.grow) this.grow(cm);
    }
    this.drawn = drawn;
    this.staleDrawn = stale;
  }

  dispose(): void {
    for (const c of this.classes) {
      this.group.remove(c.mesh);
      c.mesh.geometry.dispose();
      (c.mesh.material as { dispose(): void }).dispose();
      c.mesh.dispose();
    }
  }

  private grow(cm: ClassMesh): void {
    const old = cm.mesh;
    const capacity = cm.capacity * 2;
    const mesh = createInstancedMesh(old.geometry, old.material as never, capacity, old.name);
    this.group.remove(old);
    old.dispose();
    this.group.add(mesh);
    cm.mesh = mesh;
    cm.capacity = capacity;
    cm.grow = false;
  }
}

/**
 * The sensor layer's GPU side without React: one InstancedMesh per marker type (shape by type),
 * coloured by threshold state, alarms pulsing through a per-instance attribute. `rebuild` runs
 * when the sensor buffer changed (at most a few times a second), `frame` only moves uniforms.
 * The benchmark drives this same class.
 */
import { Group, InstancedBufferAttribute, type InstancedMesh } from 'three';
import type { SensorBuffer } from '../../feed/ingest/SensorBuffer';
import { SENSOR_LEVELS, type Thresholds } from '../../analysis/live/thresholds';
import { commitInstances, createInstancedMesh, linearRgb, writeRgb } from '../live/instancing';
import { createScreenSizeMaterial, type ScreenSizeUniforms } from '../live/screenSizeMaterial';
import { writeInstanceMatrix } from '../traffic/model';
import { slotLevel } from './model';
import { createSensorGeometry } from './sensorGeometry';
import { MIN_SENSOR_PX, SENSOR_LEVEL_COLORS, SENSOR_MESH_TYPES, SENSOR_TYPE_STYLE, sensorStyle } from './style';

const LEVEL_RGB = SENSOR_LEVELS.map((l) => linearRgb(SENSOR_LEVEL_COLORS[l]));
const ALARM = SENSOR_LEVELS.indexOf('alarm');
const INITIAL_CAPACITY = 64;

interface TypeMesh {
  mesh: InstancedMesh;
  pulse: InstancedBufferAttribute;
  capacity: number;
  uniforms: ScreenSizeUniforms;
  used: number;
  need: number;
}

export function meshTypeOf(type: string): string {
  return type in SENSOR_TYPE_STYLE ? type : 'other';
}

export class SensorInstances {
  readonly group = new Group();
  /** Level code per buffer slot (LEVEL_CODE), as of the last rebuild. */
  levels = new Uint8Array(0);
  drawn = 0;
  alarms = 0;
  private readonly types = new Map<string, TypeMesh>();

  constructor() {
    this.group.name = 'live-sensor-instances';
    for (const type of SENSOR_MESH_TYPES) {
      const style = sensorStyle(type);
      const { material, uniforms } = createScreenSizeMaterial({ minPx: MIN_SENSOR_PX, sizeM: style.sizeM, pulse: true });
      const geometry = createSensorGeometry(style.shape, style.sizeM);
      const pulse = new InstancedBufferAttribute(new Float32Array(INITIAL_CAPACITY), 1);
      geometry.setAttribute('aStPulse', pulse);
      const mesh = createInstancedMesh(geometry, material, INITIAL_CAPACITY, `sensors-${type}`);
      mesh.renderOrder = 3;
      this.group.add(mesh);
      this.types.set(type, { mesh, pulse, capacity: INITIAL_CAPACITY, uniforms, used: 0, need: 0 });
    }
  }

  clear(): void {
    for (const tm of this.types.values()) tm.mesh.count = 0;
    this.drawn = 0;
  }

  /** Re-classifies every slot and rewrites the instances; thresholds are per slot (model.ts). */
  rebuild(buf: SensorBuffer, thresholds: readonly (Thresholds | null)[]): void {
    if (this.levels.length < buf.capacity) this.levels = new Uint8Array(buf.capacity);
    for (const tm of this.types.values()) tm.need = tm.used = 0;
    for (let i = 0; i < buf.count; i++) if (buf.hasPosition[i]) this.types.get(meshTypeOf(buf.types[i]!))!.need++;
    for (const tm of this.types.values()) if (tm.need > tm.capacity) this.grow(tm, tm.need);
    let alarms = 0, drawn = 0;
    for (let i = 0; i < buf.count; i++) {
      const level = slotLevel(buf, i, thresholds[i] ?? null);
      this.levels[i] = level;
      if (!buf.hasPosition[i]) continue;
      const x = buf.positions[i * 3]!, y = buf.positions[i * 3 + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const tm = this.types.get(meshTypeOf(buf.types[i]!))!;
      const n = tm.used++;
      const off = sensorStyle(buf.types[i]!).offset;
      writeInstanceMatrix(tm.mesh.instanceMatrix.array as Float32Array, n * 16, x + off[0], y + off[1], 0, 0, 1, 1, 1);
      writeRgb(tm.mesh.instanceColor!.array as Float32Array, n * 3, LEVEL_RGB[level]!);
      (tm.pulse.array as Float32Array)[n] = level === ALARM ? 1 : 0;
      if (level === ALARM) alarms++;
      drawn++;
    }
    for (const tm of this.types.values()) commitInstances(tm.mesh, tm.used, true, tm.pulse);
    this.drawn = drawn;
    this.alarms = alarms;
  }

  /** Per frame: viewport scale and the pulse clock, seconds. */
  frame(pxWorld: number, timeS: number): void {
    for (const tm of this.types.values()) {
      tm.uniforms.uStPxWorld.value = pxWorld;
      tm.uniforms.uStTime.value = timeS;
    }
  }

  dispose(): void {
    for (const tm of this.types.values()) {
      this.group.remove(tm.mesh);
      tm.mesh.geometry.dispose();
      (tm.mesh.material as { dispose(): void }).dispose();
      tm.mesh.dispose();
    }
    this.types.clear();
  }

  private grow(tm: TypeMesh, need: number): void {
    let capacity = tm.capacity;
    while (capacity < need) capacity *= 2;
    const old = tm.mesh;
    const pulse = new InstancedBufferAttribute(new Float32Array(capacity), 1);
    old.geometry.setAttribute('aStPulse', pulse);
    const mesh = createInstancedMesh(old.geometry, old.material as never, capacity, old.name);
    mesh.renderOrder = old.renderOrder;
    this.group.remove(old);
    old.dispose();
    this.group.add(mesh);
    tm.mesh = mesh;
    tm.pulse = pulse;
    tm.capacity = capacity;
  }
}

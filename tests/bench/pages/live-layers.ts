/**
 * Live layers benchmark page: `?mode=instanced|naive&vehicles=N&sensors=M&frames=F&rateHz=R`.
 * Both modes hold the same feed state in the real typed buffers (VehicleBuffer, SensorBuffer),
 * updated at the feed rate on the same synthetic street grid, interpolated by the same motion
 * model and drawn from the same camera path. `instanced` draws through the app's own
 * TrafficInstances and SensorInstances; `naive` makes one Mesh per vehicle and per sensor.
 * The instanced run also times one feed batch (JSON → decode → validate → buffers) at N vehicles.
 */
import { AmbientLight, DirectionalLight, Group, Mesh, MeshLambertMaterial, PerspectiveCamera, Scene, WebGLRenderer, type BufferGeometry } from 'three';
import { EnuFrame } from '../../../src/core/geodesy';
import { FeedIngest } from '../../../src/feed/ingest/FeedIngest';
import { SensorBuffer } from '../../../src/feed/ingest/SensorBuffer';
import { VEHICLE_CLASS_CODES, VehicleBuffer } from '../../../src/feed/ingest/VehicleBuffer';
import { VEHICLE_CLASSES, type VehicleClass } from '../../../src/sim/types';
import { metresPerPixelPerMetre } from '../../../src/layers/live/model';
import { TrafficInstances } from '../../../src/layers/traffic/TrafficInstances';
import { VehicleMotion } from '../../../src/layers/traffic/VehicleMotion';
import { VEHICLE_BASE_UP_M, VEHICLE_STYLE } from '../../../src/layers/traffic/style';
import { createVehicleGeometry } from '../../../src/layers/traffic/vehicleGeometry';
import { SensorInstances, meshTypeOf } from '../../../src/layers/sensors/SensorInstances';
import { resolveSlotThresholds, slotLevel } from '../../../src/layers/sensors/model';
import { createSensorGeometry } from '../../../src/layers/sensors/sensorGeometry';
import { SENSOR_LEVEL_COLORS, SENSOR_MESH_TYPES, sensorStyle } from '../../../src/layers/sensors/style';
import { SENSOR_LEVELS, type Thresholds } from '../../../src/analysis/live/thresholds';

interface BenchResult {
  done: boolean;
  error?: string;
  mode: string;
  vehicles: number;
  sensors: number;
  cpuMs: number[];
  updateMs: number[];
  renderMs: number[];
  rafMs: number[];
  drawCalls: number;
  triangles: number;
  objects: number;
  feedBatchMs: number[];
  feedBatchChars: number;
}

const q = new URLSearchParams(location.search);
const mode = q.get('mode') === 'naive' ? 'naive' : 'instanced';
const N = Number(q.get('vehicles') ?? 10_000);
const M = Number(q.get('sensors') ?? 5000);
const FRAMES = Number(q.get('frames') ?? 60);
const RATE_HZ = Number(q.get('rateHz') ?? 5);
const result: BenchResult = { done: false, mode, vehicles: N, sensors: M, cpuMs: [], updateMs: [], renderMs: [], rafMs: [], drawCalls: 0, triangles: 0, objects: 0, feedBatchMs: [], feedBatchChars: 0 };
(window as unknown as { __bench: BenchResult }).__bench = result;

const ORIGIN = { lonDeg: 121.198, latDeg: 31.315, heightM: 0 };
const frame = new EnuFrame(ORIGIN);
const HALF_M = 5000;
const STREET_M = 250;
const T0 = 1_800_000_000_000;
const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));

/** Vehicle i drives along a street of the grid, eastward or northward, at its own speed; pure in time. */
function vehicleAt(i: number, tMs: number): { x: number; y: number; yaw: number; speed: number; cls: VehicleClass } {
  const street = -HALF_M + (i % 40) * STREET_M;
  const speed = 5 + (i % 16);
  const along = ((((i * 7919) % 10_000) + (speed * tMs) / 1000) % (2 * HALF_M)) - HALF_M;
  const cls = VEHICLE_CLASSES[i % 5 === 0 ? 2 : i % 7 === 0 ? 0 : i % 11 === 0 ? 1 : i % 13 === 0 ? 4 : 3]!;
  return i % 2 === 0 ? { x: along, y: street, yaw: 0, speed, cls } : { x: street, y: along, yaw: Math.PI / 2, speed, cls };
}

function sensorType(j: number): string {
  return SENSOR_MESH_TYPES[j % (SENSOR_MESH_TYPES.length - 1)]!;
}

function fillVehicles(v: VehicleBuffer, tMs: number): void {
  for (let i = 0; i < N; i++) {
    const s = vehicleAt(i, tMs - T0);
    v.upsert({ id: `V-${i}`, ts: tMs, x: s.x, y: s.y, z: 0, yaw: s.yaw, speedMps: s.speed, cls: s.cls });
  }
}

function fillSensors(buf: SensorBuffer, tMs: number): void {
  for (let j = 0; j < M; j++) {
    const type = sensorType(j);
    buf.upsertReading(`S-${j}`, type, 'u', 50 + 60 * Math.sin(j + tMs / 7000), 'good', tMs);
  }
}

function sensorCatalogue(buf: SensorBuffer): void {
  buf.setCatalogue(Array.from({ length: M }, (_, j) => ({
    id: `S-${j}`, type: sensorType(j), name: { zh: `S${j}`, en: `S${j}` }, unit: 'u',
    x: -HALF_M + ((j * 104_729) % (2 * HALF_M)), y: -HALF_M + ((j * 7_907) % (2 * HALF_M)), reportEveryS: 60,
    thresholds: { warn: 80, alarm: 100, direction: 'above' as const },
  })));
}

/** One feed batch as the wire carries it: a delta with every vehicle and every sensor reading. */
function deltaJson(tMs: number, seq: number): string {
  const vehicles = [];
  for (let i = 0; i < N; i++) {
    const s = vehicleAt(i, tMs - T0);
    const g = frame.enuToLonLat(s.x, s.y, 0);
    vehicles.push({ id: `V-${i}`, cls: s.cls, lonDeg: g.lonDeg, latDeg: g.latDeg, headingDeg: s.yaw === 0 ? 90 : 0, speedMps: s.speed, ts: tMs });
  }
  const sensors = [];
  for (let j = 0; j < M; j++) sensors.push({ id: `S-${j}`, type: sensorType(j), value: 40 + (j % 50), unit: 'u', ts: tMs, quality: 'good' });
  return JSON.stringify({ v: 1, type: 'delta', zone: 'bench', ts: tMs, seq, vehicles, sensors });
}

async function timeFeedBatches(): Promise<void> {
  const ingest = new FeedIngest({ zone: 'bench', frame, maxDistanceM: 1e6 });
  for (let k = 0; k < 11; k++) {
    const ts = T0 + k * 200;
    const json = deltaJson(ts, k + 1);
    result.feedBatchChars = json.length;
    const t = performance.now();
    ingest.enqueue(json, ts);
    ingest.flush(ts);
    if (k > 0) result.feedBatchMs.push(performance.now() - t);
    await nextFrame();
  }
  if (ingest.vehicles.count !== N) throw new Error(`feed batch applied ${ingest.vehicles.count} of ${N} vehicles (drops ${ingest.dropsTotal})`);
}

interface Drawer {
  update(serverNow: number, camera: PerspectiveCamera, timeS: number, sensorsChanged: boolean): void;
}

function instancedDrawer(world: Scene, v: VehicleBuffer, s: SensorBuffer, thresholds: (Thresholds | null)[]): Drawer {
  const traffic = new TrafficInstances(Math.max(512, N));
  const sensors = new SensorInstances();
  world.add(traffic.group, sensors.group);
  return {
    update(serverNow, camera, timeS, sensorsChanged) {
      const pxWorld = metresPerPixelPerMetre(camera.fov, innerHeight);
      traffic.update(v, serverNow, 1, -1, pxWorld);
      if (sensorsChanged) sensors.rebuild(s, thresholds);
      sensors.frame(pxWorld, timeS);
    },
  };
}

/** The peer: a Mesh per vehicle and per sensor (materials shared per class and per level, which flatters it). */
function naiveDrawer(world: Scene, v: VehicleBuffer, s: SensorBuffer, thresholds: (Thresholds | null)[]): Drawer {
  const motion = new VehicleMotion();
  const vehicleGeo = new Map<number, BufferGeometry>();
  const vehicleMat = new Map<number, MeshLambertMaterial>();
  for (const c of VEHICLE_CLASSES) {
    vehicleGeo.set(VEHICLE_CLASS_CODES[c], createVehicleGeometry(VEHICLE_STYLE[c].shape));
    vehicleMat.set(VEHICLE_CLASS_CODES[c], new MeshLambertMaterial({ color: VEHICLE_STYLE[c].color }));
  }
  const group = new Group();
  const meshes: Mesh[] = [];
  for (let i = 0; i < v.highWater; i++) {
    const m = new Mesh(vehicleGeo.get(v.classCode[i]!)!, vehicleMat.get(v.classCode[i]!)!);
    m.matrixAutoUpdate = true;
    meshes.push(m);
    group.add(m);
  }
  const levelMat = SENSOR_LEVELS.map((l) => new MeshLambertMaterial({ color: SENSOR_LEVEL_COLORS[l] }));
  const sensorGeo = new Map(SENSOR_MESH_TYPES.map((t) => [t, createSensorGeometry(sensorStyle(t).shape, sensorStyle(t).sizeM)]));
  const sensorMeshes: Mesh[] = [];
  for (let j = 0; j < s.count; j++) {
    const m = new Mesh(sensorGeo.get(meshTypeOf(s.types[j]!))!, levelMat[0]);
    m.position.set(s.positions[j * 3]!, 0, -s.positions[j * 3 + 1]!);
    sensorMeshes.push(m);
    group.add(m);
  }
  world.add(group);
  return {
    update(serverNow, _camera, _timeS, sensorsChanged) {
      motion.update(v, serverNow, 1);
      for (let i = 0; i < meshes.length; i++) {
        const m = meshes[i]!;
        m.visible = motion.ok[i] === 1;
        if (!m.visible) continue;
        m.position.set(motion.px[i]!, VEHICLE_BASE_UP_M, -motion.py[i]!);
        m.rotation.y = motion.pyaw[i]!;
      }
      if (sensorsChanged) for (let j = 0; j < sensorMeshes.length; j++) sensorMeshes[j]!.material = levelMat[slotLevel(s, j, thresholds[j] ?? null)]!;
    },
  };
}

async function main(): Promise<void> {
  if (mode === 'instanced') await timeFeedBatches();
  const renderer = new WebGLRenderer({ antialias: false, powerPreference: 'high-performance', logarithmicDepthBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(innerWidth, innerHeight);
  renderer.info.autoReset = false;
  document.body.appendChild(renderer.domElement);
  const world = new Scene();
  world.add(new AmbientLight(0xffffff, 0.7));
  const sun = new DirectionalLight(0xffffff, 2);
  sun.position.set(1000, 3000, 500);
  world.add(sun);
  const camera = new PerspectiveCamera(45, innerWidth / innerHeight, 1, 80_000);

  const v = new VehicleBuffer(1024, Math.max(16_384, N));
  const s = new SensorBuffer(256, Math.max(20_000, M));
  sensorCatalogue(s);
  const thresholds: (Thresholds | null)[] = [];
  resolveSlotThresholds(s, {}, thresholds);
  const clock0 = performance.now();
  const serverNow = () => T0 + (performance.now() - clock0);
  let lastFeed = serverNow();
  fillVehicles(v, lastFeed);
  fillSensors(s, lastFeed);
  const drawer = mode === 'instanced' ? instancedDrawer(world, v, s, thresholds) : naiveDrawer(world, v, s, thresholds);

  // A slow ±10° orbit over the 10 km grid, as a wall screen's overview.
  const place = (k: number) => {
    const a = ((k % 120) / 120) * (Math.PI / 9) - Math.PI / 18;
    camera.position.set(Math.sin(a) * 9000, 7000, Math.cos(a) * 9000);
    camera.lookAt(0, 0, 0);
    camera.updateMatrixWorld();
  };
  const feedDue = () => serverNow() - lastFeed >= 1000 / RATE_HZ;
  const step = (k: number, record: boolean) => {
    let changed = false;
    if (feedDue()) {
      lastFeed = serverNow();
      fillVehicles(v, lastFeed);
      fillSensors(s, lastFeed);
      changed = true;
    }
    place(k);
    renderer.info.reset();
    const t0 = performance.now();
    drawer.update(serverNow(), camera, (performance.now() - clock0) / 1000, changed || k === 0);
    const t1 = performance.now();
    renderer.render(world, camera);
    const t2 = performance.now();
    if (record) {
      result.updateMs.push(t1 - t0);
      result.renderMs.push(t2 - t1);
      result.cpuMs.push(t2 - t0);
      result.drawCalls = Math.max(result.drawCalls, renderer.info.render.calls);
      result.triangles = Math.max(result.triangles, renderer.info.render.triangles);
    }
  };
  for (let k = 0; k < 8; k++) {
    step(k, false);
    await nextFrame();
  }
  let last = await nextFrame();
  for (let k = 0; k < FRAMES; k++) {
    step(k + 8, true);
    const t = await nextFrame();
    result.rafMs.push(t - last);
    last = t;
  }
  let objects = 0;
  world.traverse((o) => {
    if ((o as { isMesh?: boolean }).isMesh) objects++;
  });
  result.objects = objects;
  result.done = true;
}

main().catch((e: unknown) => {
  result.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  result.done = true;
});

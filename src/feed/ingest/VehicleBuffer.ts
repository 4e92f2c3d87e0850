/**
 * Vehicle state for rendering, outside React: struct-of-arrays in the zone's ENU frame with an
 * id → slot map and slot reuse. Renderers iterate slots 0..highWater and skip dead ones; they read
 * the arrays from the buffer every frame because growing the capacity replaces them.
 */
import { CLASS_PROFILES } from '../../sim/traffic/vehicleClasses';
import { VEHICLE_CLASSES, type VehicleClass } from '../../sim/types';
import type { DropReason } from '../protocol/dropReasons';
import { AUTOMATION_ABSENT } from '../protocol/v2/layout';
import type { DecodedVehiclesV2 } from '../protocol/v2/types';
import { staleVerdict } from './freshness';

export const VEHICLE_CLASS_CODES: Record<VehicleClass, number> = {
  robotaxi: CLASS_PROFILES.robotaxi.code, special: CLASS_PROFILES.special.code, bus: CLASS_PROFILES.bus.code,
  car: CLASS_PROFILES.car.code, truck: CLASS_PROFILES.truck.code,
};

export interface VehicleUpdate {
  id: string;
  ts: number;
  x: number;
  y: number;
  z: number;
  /** Radians counter-clockwise from east (ENU). */
  yaw: number;
  speedMps: number;
  cls: VehicleClass;
  automation?: number;
  route?: string;
  lineId?: string;
  nextStops?: { stopId: string; etaS: number }[];
}

/**
 * The checks a columnar batch gets (v1's EntityApplier applies the same, per entity): a row
 * outside [minTs, maxTs] is 'future' / 'too-old', one farther than maxDistanceM is 'out-of-zone'.
 */
export interface ColumnWindow {
  minTs: number;
  maxTs: number;
  maxDistanceM: number;
}

const MAX_TOMBSTONES = 4096;
const DEG = Math.PI / 180;
/** v2 class index (VEHICLE_CLASSES order) → this buffer's class code. */
const CODE_OF_V2_CLASS = Uint8Array.from(VEHICLE_CLASSES, (c) => VEHICLE_CLASS_CODES[c]);

export class VehicleBuffer {
  capacity: number;
  /** xyz per slot, ENU metres. */
  positions: Float32Array;
  yaw: Float32Array;
  speed: Float32Array;
  classCode: Uint8Array;
  automation: Uint8Array;
  /** Server epoch ms of each slot's latest update. */
  updatedAt: Float64Array;
  alive: Uint8Array;
  stale: Uint8Array;
  ids: (string | null)[];
  routes: (string | null)[];
  lines: ({ id: string; nextStops: { stopId: string; etaS: number }[]; ts: number } | null)[];
  /** One past the highest slot ever used; iterate 0..highWater. */
  highWater = 0;
  count = 0;
  staleCount = 0;
  /** Bumped on every change; renderers re-upload when it moves. */
  version = 0;
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  /** Removal timestamps, so a late update cannot resurrect a vehicle the feed removed. */
  private readonly tombstones = new Map<string, number>();

  /**
   * The bound on vehicles held (arrays grow by doubling up to it). 65,536: the city-scale zone runs
   * 50,000 at its peak (one v2 frame carries at most MAX_ENTITIES_PER_MESSAGE = 50,000 rows), and
   * the old bound of 16,384 dropped everything past it as 'capacity'.
   */
  constructor(initialCapacity = 1024, readonly maxCapacity = 65_536) {
    this.capacity = initialCapacity;
    this.positions = new Float32Array(initialCapacity * 3);
    this.yaw = new Float32Array(initialCapacity);
    this.speed = new Float32Array(initialCapacity);
    this.classCode = new Uint8Array(initialCapacity);
    this.automation = new Uint8Array(initialCapacity);
    this.updatedAt = new Float64Array(initialCapacity);
    this.alive = new Uint8Array(initialCapacity);
    this.stale = new Uint8Array(initialCapacity);
    this.ids = new Array<string | null>(initialCapacity).fill(null);
    this.routes = new Array<string | null>(initialCapacity).fill(null);
    this.lines = new Array<VehicleBuffer['lines'][number]>(initialCapacity).fill(null);
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** Applies an update unless it is not newer than what the slot holds. Inputs must be finite. */
  upsert(u: VehicleUpdate): DropReason | null {
    const slot = this.slotFor(u.id, u.ts);
    if (typeof slot !== 'number') return slot;
    const p = slot * 3;
    this.positions[p] = u.x;
    this.positions[p + 1] = u.y;
    this.positions[p + 2] = u.z;
    this.yaw[slot] = u.yaw;
    this.speed[slot] = u.speedMps;
    this.classCode[slot] = VEHICLE_CLASS_CODES[u.cls];
    if (u.automation !== undefined) this.automation[slot] = u.automation;
    if (u.route !== undefined) this.routes[slot] = u.route;
    if (u.lineId !== undefined && u.nextStops) this.lines[slot] = { id: u.lineId, nextStops: u.nextStops, ts: u.ts };
    this.updatedAt[slot] = u.ts;
    if (this.stale[slot]) {
      this.stale[slot] = 0;
      this.staleCount--;
    }
    this.version++;
    return null;
  }

  /**
   * Applies a decoded v2 vehicle batch: trusted columns (FrameDecoderV2 validated every value, so
   * nothing here is non-finite), no per-row objects. Each row gets the window checks and then the
   * same newest-wins rule as upsert. `rowSlots[row]` receives the slot written, or -1 for a
   * rejected row (onReject says why); it must hold at least v.count entries.
   */
  upsertColumns(v: DecodedVehiclesV2, w: ColumnWindow, rowSlots: Int32Array, onReject: (reason: DropReason, row: number) => void): void {
    const maxD2 = w.maxDistanceM * w.maxDistanceM;
    const { ids, east, north, ts, headingDeg, speedMps, cls, automation } = v;
    // this.positions etc. are read per row, not hoisted: slotFor may grow (replace) them.
    let written = 0;
    for (let row = 0; row < v.count; row++) {
      rowSlots[row] = -1;
      const t = ts[row]!;
      if (t > w.maxTs) { onReject('future', row); continue; }
      if (t < w.minTs) { onReject('too-old', row); continue; }
      const x = east[row]!, y = north[row]!;
      if (x * x + y * y > maxD2) { onReject('out-of-zone', row); continue; }
      const slot = this.slotFor(ids[row]!, t);
      if (typeof slot !== 'number') { onReject(slot, row); continue; }
      const p = slot * 3;
      this.positions[p] = x;
      this.positions[p + 1] = y;
      this.positions[p + 2] = 0;
      this.yaw[slot] = (90 - headingDeg[row]!) * DEG;
      this.speed[slot] = speedMps[row]!;
      this.classCode[slot] = CODE_OF_V2_CLASS[cls[row]!]!;
      const a = automation[row]!;
      if (a !== AUTOMATION_ABSENT) this.automation[slot] = a;
      this.updatedAt[slot] = t;
      if (this.stale[slot]) {
        this.stale[slot] = 0;
        this.staleCount--;
      }
      rowSlots[row] = slot;
      written++;
    }
    if (written > 0) this.version++;
  }

  /** Removes a vehicle; with a timestamp, older updates for it are refused afterwards. */
  remove(id: string, ts?: number): boolean {
    if (ts !== undefined) {
      // The latest removal wins: a late, older one must not reopen the window for stale updates.
      const prev = this.tombstones.get(id);
      this.tombstones.delete(id);
      this.tombstones.set(id, prev !== undefined && prev > ts ? prev : ts);
      if (this.tombstones.size > MAX_TOMBSTONES) this.tombstones.delete(this.tombstones.keys().next().value!);
    }
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    if (this.stale[slot]) this.staleCount--;
    this.alive[slot] = 0;
    this.stale[slot] = 0;
    this.ids[slot] = null;
    this.routes[slot] = null;
    this.lines[slot] = null;
    this.free.push(slot);
    this.count--;
    this.version++;
    return true;
  }

  /** Marks slots stale after staleMs without an update and frees them after evictMs. */
  age(serverNowMs: number, staleMs: number, evictMs: number): void {
    for (let i = 0; i < this.highWater; i++) {
      if (!this.alive[i]) continue;
      const age = serverNowMs - this.updatedAt[i]!;
      if (age > evictMs) {
        this.remove(this.ids[i]!);
      } else if (age > staleMs && !this.stale[i]) {
        this.stale[i] = 1;
        this.staleCount++;
        this.version++;
      }
    }
  }

  /** Ids currently held, for snapshot reconciliation. */
  idList(): string[] {
    return [...this.slotOf.keys()];
  }

  clear(): void {
    for (const id of this.idList()) this.remove(id);
    this.tombstones.clear();
  }

  /** The slot an update at ts may write (a new one for a new id), or why it may not. */
  private slotFor(id: string, ts: number): number | DropReason {
    const slot = this.slotOf.get(id);
    if (slot !== undefined) return staleVerdict(this.updatedAt[slot], ts) ?? slot;
    const removedAt = this.tombstones.get(id);
    if (removedAt !== undefined) {
      if (ts <= removedAt) return 'out-of-order';
      this.tombstones.delete(id);
    }
    const s = this.allocate();
    if (s < 0) return 'capacity';
    this.slotOf.set(id, s);
    this.ids[s] = id;
    this.alive[s] = 1;
    this.routes[s] = null;
    this.lines[s] = null;
    this.automation[s] = 0;
    this.count++;
    return s;
  }

  private allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.highWater >= this.capacity && !this.grow()) return -1;
    return this.highWater++;
  }

  private grow(): boolean {
    if (this.capacity >= this.maxCapacity) return false;
    const cap = Math.min(this.maxCapacity, this.capacity * 2);
    const g32 = (a: Float32Array, k = 1) => { const b = new Float32Array(cap * k); b.set(a); return b; };
    const g8 = (a: Uint8Array) => { const b = new Uint8Array(cap); b.set(a); return b; };
    this.positions = g32(this.positions, 3);
    this.yaw = g32(this.yaw);
    this.speed = g32(this.speed);
    this.classCode = g8(this.classCode);
    this.automation = g8(this.automation);
    this.alive = g8(this.alive);
    this.stale = g8(this.stale);
    const u = new Float64Array(cap);
    u.set(this.updatedAt);
    this.updatedAt = u;
    for (let i = this.capacity; i < cap; i++) {
      this.ids.push(null);
      this.routes.push(null);
      this.lines.push(null);
    }
    this.capacity = cap;
    return true;
  }
}

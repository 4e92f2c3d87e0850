/**
 * Sensor catalogue joined with the latest reading of each sensor. A sensor that stops reporting
 * keeps its last value and is flagged stale with its last-seen time; nothing ever substitutes 0,
 * and a catalogued sensor that never reported has no value at all.
 *
 * A catalogued sensor that has not reported yet is *pending*, not stale, until one declared
 * report interval (plus a little transport slack) has passed since the stream began delivering:
 * right after a zone opens most sensors simply have not had their turn, and calling them silent
 * would raise a false alarm at every reload.
 */
import type { DropReason } from '../protocol/dropReasons';
import type { WireSensorInfo, WireThresholds } from '../protocol/entities';
import { staleVerdict } from './freshness';

export type Quality = 'good' | 'suspect' | 'bad';
const QUALITY_CODES: Record<Quality, number> = { good: 0, suspect: 1, bad: 2 };
const QUALITIES: Quality[] = ['good', 'suspect', 'bad'];

export interface SensorInfo {
  id: string;
  type: string;
  name: { zh: string; en: string };
  unit: string;
  /** ENU metres. */
  x: number;
  y: number;
  reportEveryS?: number;
  thresholds?: WireThresholds;
  capacity?: number;
  stationId?: string;
}

export interface SensorView {
  id: string;
  type: string;
  unit: string;
  info: SensorInfo | null;
  /** null until the first reading arrives. */
  value: number | null;
  quality: Quality | null;
  /** Server epoch ms of the last reading, null if never seen. */
  lastSeenMs: number | null;
  stale: boolean;
  /** Never reported, and its first report is not yet overdue. */
  pending: boolean;
}

/** Sensors with no declared reporting interval go stale after this long. */
export const DEFAULT_SENSOR_STALE_MS = 5 * 60_000;
/** A sensor is stale after missing this many of its declared reports. */
const MISSED_REPORTS_FOR_STALE = 3;
const MIN_SENSOR_STALE_MS = 30_000;
/** Transport and scheduling slack on top of the first report interval before a first report is overdue. */
export const FIRST_REPORT_SLACK_MS = 10_000;

export class SensorBuffer {
  capacity: number;
  values: Float64Array;
  hasValue: Uint8Array;
  quality: Uint8Array;
  lastSeen: Float64Array;
  stale: Uint8Array;
  /** 1 while a slot has never reported and its first report is not overdue (see the file comment). */
  pending: Uint8Array;
  /** ENU xyz from the catalogue; hasPosition says whether it is known. */
  positions: Float32Array;
  hasPosition: Uint8Array;
  ids: string[] = [];
  types: string[] = [];
  units: string[] = [];
  infos: (SensorInfo | null)[] = [];
  count = 0;
  staleCount = 0;
  pendingCount = 0;
  version = 0;
  catalogueVersion = 0;
  /**
   * Feed seconds per wall second (a simulator at 60× sends 60). Declared report intervals are in
   * feed time, so at 60× a "60 s" sensor reports every second and its windows shrink to match;
   * without this a silenced sensor at 60× came back before it was ever marked stale.
   */
  timeScale = 1;
  private readonly slotOf = new Map<string, number>();
  /** Client ms at which the current stream first delivered; null before, when nothing can be judged. */
  private listeningSinceMs: number | null = null;
  /**
   * Client ms from which each slot's first-report window runs, beyond the stream's start: -Infinity
   * for a slot known before listening began; NaN for one added while listening, stamped at the next
   * ageing pass, so a sensor added to the catalogue mid-stream gets a window of its own.
   */
  private knownSinceMs: Float64Array;

  constructor(initialCapacity = 256, readonly maxCapacity = 20_000) {
    this.capacity = initialCapacity;
    this.values = new Float64Array(initialCapacity);
    this.hasValue = new Uint8Array(initialCapacity);
    this.quality = new Uint8Array(initialCapacity);
    this.lastSeen = new Float64Array(initialCapacity);
    this.stale = new Uint8Array(initialCapacity);
    this.pending = new Uint8Array(initialCapacity);
    this.knownSinceMs = new Float64Array(initialCapacity).fill(-Infinity);
    this.positions = new Float32Array(initialCapacity * 3);
    this.hasPosition = new Uint8Array(initialCapacity);
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** Adds or updates catalogue entries; readings already held are kept. */
  setCatalogue(infos: SensorInfo[]): void {
    for (const info of infos) {
      const slot = this.ensure(info.id, info.type, info.unit);
      if (slot < 0) continue;
      this.infos[slot] = info;
      this.positions[slot * 3] = info.x;
      this.positions[slot * 3 + 1] = info.y;
      this.positions[slot * 3 + 2] = 0;
      this.hasPosition[slot] = 1;
    }
    this.catalogueVersion++;
    this.version++;
  }

  upsertReading(id: string, type: string, unit: string, value: number, quality: Quality, ts: number): DropReason | null {
    const existing = this.slotOf.get(id);
    if (existing !== undefined && this.hasValue[existing]) {
      const verdict = staleVerdict(this.lastSeen[existing], ts);
      if (verdict) return verdict;
    }
    const slot = existing ?? this.ensure(id, type, unit);
    if (slot < 0) return 'capacity';
    this.values[slot] = value;
    this.hasValue[slot] = 1;
    this.quality[slot] = QUALITY_CODES[quality];
    this.lastSeen[slot] = ts;
    this.types[slot] = type;
    this.units[slot] = unit;
    if (this.stale[slot]) {
      this.stale[slot] = 0;
      this.staleCount--;
    }
    if (this.pending[slot]) {
      this.pending[slot] = 0;
      this.pendingCount--;
    }
    this.version++;
    return null;
  }

  /** The stream delivered something (client clock): first-report windows start now, if not already running. */
  noteListening(clientNowMs: number): void {
    if (this.listeningSinceMs === null) this.listeningSinceMs = clientNowMs;
  }

  /** A new connection: sensors that never reported get a fresh first-report window once data flows again. */
  restartListening(): void {
    this.listeningSinceMs = null;
    this.knownSinceMs.fill(-Infinity);
  }

  /** How long a never-seen sensor stays pending: one declared interval plus slack, else the staleness default. */
  firstReportWindowMs(slot: number): number {
    const every = this.infos[slot]?.reportEveryS;
    return every ? (every * 1000) / this.timeScale + FIRST_REPORT_SLACK_MS : DEFAULT_SENSOR_STALE_MS;
  }

  staleAfterMs(slot: number): number {
    const every = this.infos[slot]?.reportEveryS;
    return every ? Math.max(MIN_SENSOR_STALE_MS, (every * 1000 * MISSED_REPORTS_FOR_STALE) / this.timeScale) : DEFAULT_SENSOR_STALE_MS;
  }

  /**
   * Re-evaluates staleness (server clock: readings carry server timestamps) and pending first
   * reports (client clock: how long this client has been listening). A never-seen sensor is
   * pending within its first-report window and stale after it.
   */
  age(serverNowMs: number, clientNowMs: number = serverNowMs): void {
    let staleCount = 0, pendingCount = 0;
    const since = this.listeningSinceMs;
    for (let i = 0; i < this.count; i++) {
      let s = 0, p = 0;
      if (this.hasValue[i]) s = serverNowMs - this.lastSeen[i]! > this.staleAfterMs(i) ? 1 : 0;
      else if (since === null) p = 1;
      else {
        if (Number.isNaN(this.knownSinceMs[i]!)) this.knownSinceMs[i] = clientNowMs;
        p = clientNowMs - Math.max(since, this.knownSinceMs[i]!) <= this.firstReportWindowMs(i) ? 1 : 0;
        s = 1 - p;
      }
      if (s !== this.stale[i] || p !== this.pending[i]) {
        this.stale[i] = s;
        this.pending[i] = p;
        this.version++;
      }
      staleCount += s;
      pendingCount += p;
    }
    this.staleCount = staleCount;
    this.pendingCount = pendingCount;
  }

  view(id: string): SensorView | null {
    const i = this.slotOf.get(id);
    if (i === undefined) return null;
    const has = this.hasValue[i] === 1;
    return {
      id, type: this.types[i]!, unit: this.units[i]!, info: this.infos[i] ?? null,
      value: has ? this.values[i]! : null, quality: has ? QUALITIES[this.quality[i]!]! : null,
      lastSeenMs: has ? this.lastSeen[i]! : null, stale: this.stale[i] === 1 || !has, pending: !has && this.pending[i] === 1,
    };
  }

  /**
   * Forgets every reading and keeps the catalogue: a replay that seeks back starts from the
   * state it is sent, and readings newer than that state must not shadow it.
   */
  forgetReadings(): void {
    this.hasValue.fill(0);
    this.stale.fill(0);
    this.pending.fill(0);
    this.staleCount = 0;
    this.pendingCount = 0;
    this.version++;
  }

  clear(): void {
    this.slotOf.clear();
    this.ids = [];
    this.types = [];
    this.units = [];
    this.infos = [];
    this.hasValue.fill(0);
    this.stale.fill(0);
    this.pending.fill(0);
    this.knownSinceMs.fill(-Infinity);
    this.listeningSinceMs = null;
    this.hasPosition.fill(0);
    this.count = 0;
    this.staleCount = 0;
    this.pendingCount = 0;
    this.version++;
  }

  private ensure(id: string, type: string, unit: string): number {
    const have = this.slotOf.get(id);
    if (have !== undefined) return have;
    if (this.count >= this.capacity && !this.grow()) return -1;
    const slot = this.count++;
    this.slotOf.set(id, slot);
    this.ids[slot] = id;
    this.types[slot] = type;
    this.units[slot] = unit;
    this.infos[slot] = null;
    this.hasValue[slot] = 0;
    this.stale[slot] = 0;
    // Not judged until the next ageing pass; until then it is waiting, not silent.
    this.pending[slot] = 1;
    this.pendingCount++;
    this.knownSinceMs[slot] = this.listeningSinceMs === null ? -Infinity : Number.NaN;
    this.hasPosition[slot] = 0;
    return slot;
  }

  private grow(): boolean {
    if (this.capacity >= this.maxCapacity) return false;
    const cap = Math.min(this.maxCapacity, this.capacity * 2);
    const f64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(cap); b.set(a); return b; };
    this.values = f64(this.values);
    this.lastSeen = f64(this.lastSeen);
    this.hasValue = u8(this.hasValue);
    this.quality = u8(this.quality);
    this.stale = u8(this.stale);
    this.pending = u8(this.pending);
    const known = new Float64Array(cap).fill(-Infinity);
    known.set(this.knownSinceMs);
    this.knownSinceMs = known;
    this.hasPosition = u8(this.hasPosition);
    const p = new Float32Array(cap * 3);
    p.set(this.positions);
    this.positions = p;
    this.capacity = cap;
    return true;
  }
}

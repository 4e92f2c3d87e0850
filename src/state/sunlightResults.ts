/**
 * The last sunlight run's full results, outside the store: thousands of window rows and a ground
 * grid are too big for reactive state (every subscriber would see them on each change). The store
 * keeps only summaries; the panel's tables, the CSV and the 3D layer read from here and subscribe
 * to the version number. Like diagnostics.ts, a module-level holder with a tiny subscription.
 */
import type { Bilingual, Ring } from '../analysis/planning/types';
import type { GroundGrid, ResultRow } from '../analysis/sunlight/worker/protocol';

export interface ImpactRow {
  receiverId: string;
  beforeHours: number;
  afterHours: number;
  /** Passed before, fails after. */
  newlyFailing: boolean;
}

export interface GroundHours {
  grid: GroundGrid;
  /** Hours per cell, row-major from the south-west corner; NaN where no receiver stood (inside a building). */
  hours: Float32Array;
}

export interface SunlightResultSet {
  /** The run's sequence number in the store (sunlightRun.runSeq). */
  seq: number;
  /** The analysed state, the scheme of an impact run, or scheme A. */
  primary: ResultRow[];
  /** Today (impact) or scheme B (compare); empty for a single run. */
  other: ResultRow[];
  /** Windows worse in `primary` than in `other`, worst first (impact and compare). */
  impact: ImpactRow[];
  ground: GroundHours | null;
  /** The profile's standard (hours) and its window length (hours), for colours and tables. */
  minHours: number;
  windowHours: number;
  /** The facade spacing the run used (the window quads' width follows it). */
  spacingM: number;
  /** Names of the receivers' buildings, for tables and the CSV. */
  buildingNames: Record<string, Bilingual>;
}

/** A scheme's shadow envelope over the analysis window: disjoint polygons, each [outer, ...holes]. */
export interface ShadowEnvelope {
  stateId: string;
  polygons: Ring[][];
}

let current: SunlightResultSet | null = null;
let envelope: ShadowEnvelope | null = null;
let version = 0;
const listeners = new Set<() => void>();

function notify(): void {
  version++;
  for (const l of listeners) l();
}

export function setSunlightResults(r: SunlightResultSet | null): void {
  current = r;
  notify();
}

/** The shadow study's envelope, drawn on the ground until cleared (null). */
export function setShadowEnvelope(e: ShadowEnvelope | null): void {
  envelope = e;
  notify();
}

export function shadowEnvelopeNow(): ShadowEnvelope | null {
  return envelope;
}

export function sunlightResults(): SunlightResultSet | null {
  return current;
}

/** For useSyncExternalStore: changes whenever the results are replaced. */
export function sunlightResultsVersion(): number {
  return version;
}

export function subscribeSunlightResults(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

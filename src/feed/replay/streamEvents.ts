/**
 * The moments worth a tick on the time slider, found in a zone's stream as it passes: an incident
 * that appears or changes status, and a sensor whose reading crosses into another threshold band
 * (the catalogue's thresholds, the same bands the viewer colours). The feed server's recorder keeps
 * them as events beside the frames; the viewer's in-memory recording finds them the same way.
 *
 * Input is read defensively (entities may be unvalidated envelopes): anything without a string id
 * or a finite number where one is needed is passed over.
 */
import { classifyValue, type Thresholds } from '../../core/thresholdBand';

export interface StreamEvent {
  ts: number;
  kind: 'incident' | 'sensor-level';
  detail: Record<string, unknown>;
}

interface SensorInfo {
  type: string;
  lonDeg: number | null;
  latDeg: number | null;
  thresholds: Thresholds | null;
}

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null;
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const str = (x: unknown): string | null => (typeof x === 'string' && x.length > 0 ? x : null);

function thresholdsOf(x: unknown): Thresholds | null {
  if (!isRec(x)) return null;
  const warn = num(x.warn);
  const alarm = num(x.alarm);
  const direction = x.direction === 'above' || x.direction === 'below' ? x.direction : null;
  return warn !== null && alarm !== null && direction ? { warn, alarm, direction } : null;
}

export class StreamEventDetector {
  private readonly sensors = new Map<string, SensorInfo>();
  private readonly bands = new Map<string, string>();
  private readonly incidents = new Map<string, string>();

  /** A catalogue (from a snapshot or a retained catalogue message): where sensors are and their bands. */
  catalogue(c: unknown): void {
    if (!isRec(c) || !Array.isArray(c.sensors)) return;
    for (const s of c.sensors) {
      if (!isRec(s)) continue;
      const id = str(s.id);
      if (!id) continue;
      this.sensors.set(id, { type: str(s.type) ?? 'unknown', lonDeg: num(s.lonDeg), latDeg: num(s.latDeg), thresholds: thresholdsOf(s.thresholds) });
    }
  }

  /**
   * A snapshot states the whole truth: what it shows becomes the baseline without events (they
   * happened before), except that the first snapshot of a recording has no baseline to compare.
   */
  snapshot(m: { catalogue?: unknown; sensors?: unknown[]; incidents?: unknown[] }): void {
    if (m.catalogue !== undefined) this.catalogue(m.catalogue);
    this.incidents.clear();
    this.scan(0, m.sensors, m.incidents, false);
  }

  /** Events in one delta, in the order of its entities. */
  delta(m: { ts: number; sensors?: unknown[]; incidents?: unknown[] }): StreamEvent[] {
    return this.scan(m.ts, m.sensors, m.incidents, true);
  }

  private scan(ts: number, sensors: unknown[] | undefined, incidents: unknown[] | undefined, emit: boolean): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const r of sensors ?? []) {
      if (!isRec(r)) continue;
      const id = str(r.id);
      const value = num(r.value);
      if (!id || value === null) continue;
      const info = this.sensors.get(id);
      const band = classifyValue(value, info?.thresholds ?? null);
      const before = this.bands.get(id);
      this.bands.set(id, band);
      if (!emit || before === undefined || before === band) continue;
      out.push({
        ts: num(r.ts) ?? ts, kind: 'sensor-level',
        detail: { id, type: info?.type ?? str(r.type) ?? 'unknown', level: band, from: before, value, unit: str(r.unit) ?? '', lonDeg: info?.lonDeg ?? null, latDeg: info?.latDeg ?? null },
      });
    }
    for (const i of incidents ?? []) {
      if (!isRec(i)) continue;
      const id = str(i.id);
      const status = str(i.status);
      if (!id || !status) continue;
      const before = this.incidents.get(id);
      this.incidents.set(id, status);
      if (status === 'resolved') this.incidents.delete(id);
      if (!emit || before === status) continue;
      out.push({
        ts: num(i.ts) ?? ts, kind: 'incident',
        detail: {
          id, type: str(i.type) ?? 'unknown', status, from: before ?? null, severity: num(i.severity), lonDeg: num(i.lonDeg), latDeg: num(i.latDeg),
          ...(str(i.sensorId) ? { sensorId: i.sensorId } : {}), ...(isRec(i.description) ? { description: i.description } : {}),
        },
      });
    }
    return out;
  }
}

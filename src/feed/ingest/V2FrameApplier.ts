/**
 * Applies a decoded v2 frame by the same rules, in the same order, as a v1 snapshot or sequenced
 * delta. The vehicle part (the high-rate part) goes straight from its columns: the decoder already
 * validated every value, so there is no per-vehicle schema pass and no per-vehicle object; the
 * time window, distance and newest-wins rules are v1's (EntityApplier).
 *
 * A frame comes either from the zone's one stream (WebSocket), or from one of the zone's MQTT v2
 * streams (docs/feed-protocol.md, "MQTT v2"), which are not ordered with each other. For those,
 * StreamOwnership decides which stream speaks for a vehicle: the one that delivered its newest
 * applied update. Only that stream removes it, and a stream's snapshot replaces only the vehicles
 * it owns. The `all` stream's snapshot is the whole truth for the low-rate kinds, as a zone
 * snapshot is; a cell's snapshot says nothing about them.
 */
import type { EnuFrame } from '../../core/geodesy';
import type { DropReason } from '../protocol/dropReasons';
import { ALL_STREAM } from '../protocol/v2/mqttTopics';
import type { DecodedFrameV2 } from '../protocol/v2/types';
import { applyCatalogue } from './catalogue';
import type { ClockOffset } from './ClockOffset';
import type { BusLineEntry, BusStopEntry, IncidentEntry, SegmentEntry, SignalEntry } from './entities';
import type { EntityApplier } from './EntityApplier';
import type { EntityTable } from './EntityTable';
import type { SensorBuffer } from './SensorBuffer';
import { StreamOwnership } from './StreamOwnership';
import type { VehicleBuffer } from './VehicleBuffer';

export interface V2ApplierDeps {
  frame: EnuFrame;
  clock: ClockOffset;
  vehicles: VehicleBuffer;
  sensors: SensorBuffer;
  signals: EntityTable<SignalEntry>;
  segments: EntityTable<SegmentEntry>;
  incidents: EntityTable<IncidentEntry>;
  lines: Map<string, BusLineEntry>;
  stops: Map<string, BusStopEntry>;
  applier: EntityApplier;
  drop(reason: DropReason, detail: string): void;
}

/** Where a frame came from: an MQTT v2 stream, and whether it was in order with that stream's deltas. */
export interface StreamOrigin {
  stream: string;
  ordered: boolean;
}

export class V2FrameApplier {
  /** Which MQTT v2 stream speaks for each vehicle (empty on a WebSocket feed). */
  readonly owners = new StreamOwnership();
  /** Reused across frames: the slot each row of the current batch went to (-1: rejected). */
  private rowSlots = new Int32Array(256);

  constructor(private readonly d: V2ApplierDeps) {}

  /** Applies a frame of the zone's one stream (`from` undefined) or of one MQTT v2 stream. */
  apply(f: DecodedFrameV2, recvMs: number, from?: StreamOrigin): void {
    const d = this.d;
    // A retained copy was published up to a snapshot period ago: no sample of the server's clock.
    if (!from || from.ordered) d.clock.addOneWay(f.ts, recvMs);
    const serverNow = d.clock.serverNow(recvMs), synced = d.clock.hasEstimate;
    if (f.catalogue) applyCatalogue(f.catalogue, d.frame, d.sensors, d.lines, d.stops);
    this.vehicles(f, serverNow, synced, from?.stream);
    d.applier.entities({ ts: f.ts, sensors: f.sensors, signals: f.signals, segments: f.segments, incidents: f.incidents }, serverNow, synced);
    if (f.kind === 'snapshot') {
      this.retainSnapshotVehicles(f, from?.stream);
      if (!from || from.stream === ALL_STREAM) {
        d.signals.retain(new Set(f.signals.map((e) => e.id)));
        d.segments.retain(new Set(f.segments.map((e) => e.id)));
        d.incidents.retain(new Set(f.incidents.map((e) => e.id)));
      }
    } else this.removeVehicles(f, from?.stream);
  }

  /** Forgets owners of vehicles no longer held (evicted for age); cheap when nothing was. */
  pruneOwners(): void {
    const buf = this.d.vehicles;
    if (this.owners.size > buf.count) this.owners.prune((id) => buf.slot(id) !== undefined);
  }

  /** Upserts the frame's vehicle rows and their extras (route, bus line); a stream owns what it applied. */
  private vehicles(f: DecodedFrameV2, serverNow: number, synced: boolean, stream: string | undefined): void {
    const v = f.vehicles;
    if (v.count === 0) return;
    if (this.rowSlots.length < v.count) this.rowSlots = new Int32Array(Math.max(v.count, this.rowSlots.length * 2));
    const slots = this.rowSlots;
    const buf = this.d.vehicles;
    buf.upsertColumns(v, this.d.applier.vehicleWindow(serverNow, synced), slots, (reason, row) => this.d.drop(reason, `vehicle ${v.ids[row]}`));
    if (stream !== undefined) for (let row = 0; row < v.count; row++) if (slots[row]! >= 0) this.owners.take(v.ids[row]!, stream);
    for (const e of v.extras) {
      const slot = e.row < v.count ? slots[e.row]! : -1;
      if (slot < 0) continue;
      if (e.route !== undefined) buf.routes[slot] = e.route;
      if (e.line) buf.lines[slot] = { id: e.line.id, nextStops: e.line.nextStops, ts: v.ts[e.row]! };
    }
  }

  /** A snapshot is the whole truth, as of its ts, for the vehicles of its stream (all of them on a WebSocket). */
  private retainSnapshotVehicles(f: DecodedFrameV2, stream: string | undefined): void {
    const present = new Set(f.vehicles.ids);
    const buf = this.d.vehicles;
    for (const id of stream === undefined ? buf.idList() : this.owners.ownedBy(stream)) {
      if (present.has(id)) continue;
      const slot = buf.slot(id);
      if (slot === undefined || buf.updatedAt[slot]! <= f.ts) {
        buf.remove(id);
        this.owners.release(id);
      }
    }
  }

  private removeVehicles(f: DecodedFrameV2, stream: string | undefined): void {
    const buf = this.d.vehicles;
    for (const id of f.removedVehicles) {
      if (stream === undefined) {
        buf.remove(id, f.ts);
        continue;
      }
      // The removal of a cell crossing may come before the add, at the same ts, on the new cell's
      // stream: the tombstone refuses only what is older (timestamps are integer ms).
      if (!this.owners.mayRemove(id, stream)) continue;
      buf.remove(id, f.ts - 1);
      this.owners.release(id);
    }
  }
}

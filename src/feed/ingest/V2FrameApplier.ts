/**
 * Applies the vehicle part of a decoded v2 frame (the high-rate part) straight from its columns:
 * the decoder already validated every value, so there is no per-vehicle schema pass and no
 * per-vehicle object; the time window, distance and newest-wins rules are v1's (EntityApplier).
 */
import type { DropReason } from '../protocol/dropReasons';
import type { DecodedFrameV2 } from '../protocol/v2/types';
import type { EntityApplier } from './EntityApplier';
import type { VehicleBuffer } from './VehicleBuffer';

export interface V2ApplierDeps {
  vehicles: VehicleBuffer;
  applier: EntityApplier;
  drop(reason: DropReason, detail: string): void;
}

export class V2FrameApplier {
  /** Reused across frames: the slot each row of the current batch went to (-1: rejected). */
  private rowSlots = new Int32Array(256);

  constructor(private readonly d: V2ApplierDeps) {}

  /** Upserts the frame's vehicle rows and their extras (route, bus line). */
  vehicles(f: DecodedFrameV2, serverNow: number, synced: boolean): void {
    const v = f.vehicles;
    if (v.count === 0) return;
    if (this.rowSlots.length < v.count) this.rowSlots = new Int32Array(Math.max(v.count, this.rowSlots.length * 2));
    const slots = this.rowSlots;
    const buf = this.d.vehicles;
    buf.upsertColumns(v, this.d.applier.vehicleWindow(serverNow, synced), slots, (reason, row) => this.d.drop(reason, `vehicle ${v.ids[row]}`));
    for (const e of v.extras) {
      const slot = e.row < v.count ? slots[e.row]! : -1;
      if (slot < 0) continue;
      if (e.route !== undefined) buf.routes[slot] = e.route;
      if (e.line) buf.lines[slot] = { id: e.line.id, nextStops: e.line.nextStops, ts: v.ts[e.row]! };
    }
  }

  /** A snapshot is the whole truth for vehicles as of its ts (as FeedIngest's v1 snapshot rule). */
  retainSnapshotVehicles(f: DecodedFrameV2): void {
    const present = new Set(f.vehicles.ids);
    const buf = this.d.vehicles;
    for (const id of buf.idList()) {
      if (!present.has(id) && buf.updatedAt[buf.slot(id)!]! <= f.ts) buf.remove(id);
    }
  }

  removeVehicles(f: DecodedFrameV2): void {
    for (const id of f.removedVehicles) this.d.vehicles.remove(id, f.ts);
  }
}

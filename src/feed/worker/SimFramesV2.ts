/**
 * How the simulator worker hands snapshots and deltas to the main thread in v2. Each message is
 * encoded once with ZoneEncoderV2 (the bytes a v2 WebSocket subscriber gets from the feed server)
 * and decoded again with FrameDecoderV2, so the main thread receives exactly the validated columns
 * the network worker gives it and applies them without parsing: a swap of typed arrays, the ids
 * as keys (IdKeyEncoder). The round trip costs the worker a few ms at 10k vehicles; the main
 * thread, which draws the city on the same cores, pays none of it.
 */
import type { EnuFrame } from '../../core/geodesy';
import type { DeltaMessage, SnapshotMessage } from '../protocol/messages';
import { FrameDecoderV2 } from '../protocol/v2/FrameDecoderV2';
import { transferListV2 } from '../protocol/v2/types';
import { ZoneEncoderV2 } from '../protocol/v2/ZoneEncoderV2';
import { IdKeyEncoder } from './IdKeyEncoder';
import type { WorkerToMain } from './workerProtocol';

export interface PostableFrame {
  msg: WorkerToMain;
  transfer: Transferable[];
}

export class SimFramesV2 {
  private encoder: ZoneEncoderV2;
  private readonly decoder: FrameDecoderV2;
  private readonly idKeys = new IdKeyEncoder();
  /** Set when a frame could not be handed over: only a snapshot puts the stream right again. */
  needsSnapshot = false;

  constructor(private readonly zone: string, private readonly frame: EnuFrame) {
    this.encoder = new ZoneEncoderV2(zone, frame);
    this.decoder = new FrameDecoderV2(zone, frame);
  }

  /** Entities the encoder left out because they failed the protocol's rules. */
  get skipped(): number {
    return this.encoder.skipped;
  }

  /** The main thread's id table was replaced or is out of step: keys start a new epoch. */
  resetIds(): void {
    this.idKeys.reset();
  }

  encode(msg: SnapshotMessage | DeltaMessage): PostableFrame {
    let bytes: Uint8Array;
    try {
      bytes = msg.type === 'snapshot' ? this.encoder.encodeSnapshot(msg) : this.encoder.encodeDelta(msg);
    } catch (e) {
      // An envelope the encoder refuses (a bug, never the simulator's normal output). Its
      // dictionaries may be half updated: start them over, from the next snapshot.
      this.encoder = new ZoneEncoderV2(this.zone, this.frame);
      this.decoder.reset();
      this.needsSnapshot = true;
      return { msg: { type: 'rejected', reason: 'schema', detail: `simulator v2: ${(e as Error).message}` }, transfer: [] };
    }
    const r = this.decoder.decode(bytes);
    if (!r.ok) {
      this.needsSnapshot = true;
      return { msg: { type: 'rejected', reason: r.reason, detail: r.detail }, transfer: [] };
    }
    if (msg.type === 'snapshot') this.needsSnapshot = false;
    const f = r.frame;
    const ids = this.idKeys.encode(f.vehicles.ids);
    const frame = { ...f, vehicles: { ...f.vehicles, ids: [] } };
    return { msg: { type: 'v2', frame, ids }, transfer: [...transferListV2(f), ids.keys.buffer as ArrayBuffer] };
  }
}

/**
 * A RecordingStore read as a ReplayArchive, so the feed server's replays run on the same
 * ReplayStreamer as the viewer's in-memory recording. Bodies are parsed here, one page of frames
 * at a time (the streamer asks for at most one tick's worth).
 */
import type { DeltaMessage, SnapshotMessage } from '../../feed/protocol/messages';
import type { ReplayArchive, ReplayFrame, ReplayRange } from '../../feed/replay/ReplayStreamer';
import type { RecordingStore } from './RecordingStore';
import { stateAt } from './seek';

export class StoreArchive implements ReplayArchive {
  constructor(private readonly store: RecordingStore) {}

  range(zone: string): Promise<ReplayRange | null> {
    return this.store.range(zone);
  }

  async stateAt(zone: string, ts: number): Promise<{ snapshot: SnapshotMessage; run: number } | null> {
    const r = await stateAt(this.store, zone, ts);
    return r ? { snapshot: r.snapshot, run: r.run } : null;
  }

  async framesAfter(zone: string, afterTs: number, toTs: number, limit: number): Promise<ReplayFrame[]> {
    const rows = await this.store.framesAfter(zone, afterTs, toTs, limit);
    return rows.map((f) => ({ kind: f.kind, run: f.run, ts: f.ts, msg: JSON.parse(f.body.toString('utf8')) as SnapshotMessage | DeltaMessage }));
  }
}

/**
 * "What did zone Z look like at t": the newest keyframe at or before t, with the deltas of its run
 * up to t folded in. Costs one keyframe and at most one keyframe interval of deltas.
 */
import type { DeltaMessage, SnapshotMessage } from '../../feed/protocol/messages';
import { applyDelta, fromSnapshot, toSnapshot } from '../../feed/replay/foldState';
import type { RecordingStore } from './RecordingStore';

export interface SeekResult {
  snapshot: SnapshotMessage;
  /** Deltas folded after the keyframe. */
  folded: number;
  keyframeTs: number;
  /** The keyframe's run: a replay from here skips deltas of other runs. */
  run: number;
}

export async function stateAt(store: RecordingStore, zone: string, ts: number): Promise<SeekResult | null> {
  const kf = await store.keyframeAtOrBefore(zone, ts);
  if (!kf) return null;
  const state = fromSnapshot(JSON.parse(kf.body.toString('utf8')) as SnapshotMessage);
  const deltas = await store.deltasAfter(zone, kf.run, kf.seq, ts);
  for (const d of deltas) applyDelta(state, JSON.parse(d.body.toString('utf8')) as DeltaMessage);
  return { snapshot: toSnapshot(state), folded: deltas.length, keyframeTs: kf.ts, run: kf.run };
}

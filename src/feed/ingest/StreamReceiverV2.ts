/**
 * One FrameDecoderV2 per MQTT v2 stream, with the receiver rule of docs/feed-protocol.md ("MQTT
 * v2"): while a stream is in sync, a retained snapshot whose seq is ≤ the last accepted is ignored
 * (a stale copy the broker delivered late); after an 'inconsistent' drop the stream waits for its
 * next snapshot, whatever its seq. The seq is read from the header before decoding, so a stale
 * snapshot never resets the decoder's dictionaries. Streams are independent: one stream's loss
 * does not stop the others.
 *
 * `ordered` says where a frame came from. The stream's delta topic carries its deltas and, in
 * band, its periodic snapshots, all in seq order: such a snapshot is never stale. While in sync
 * its seq is the last delta's and it only repeats the state those deltas built: it is decoded, to
 * keep the dictionaries in step, and marked `repeat` (applying it would count every row as a
 * duplicate, every period). The snapshot topic's retained copy is not ordered with
 * the deltas and is usually older than them: a joiner shows it at once, but the first live delta
 * after it usually does not follow on (the deltas in between went before the subscription), which
 * is no loss, so that delta is 'awaiting-snapshot' rather than 'inconsistent'.
 */
import type { EnuFrame } from '../../core/geodesy';
import { FrameDecoderV2 } from '../protocol/v2/FrameDecoderV2';
import { FRAME_KIND, HEADER, MAGIC } from '../protocol/v2/layout';
import type { DropReason } from '../protocol/dropReasons';
import type { DecodedFrameV2 } from '../protocol/v2/types';

interface StreamState {
  decoder: FrameDecoderV2;
  lastSeq: number | null;
  /** False until a first snapshot, and after an 'inconsistent' drop until the next one. */
  inSync: boolean;
  /** The last frame taken was a retained (unordered) snapshot and no delta has followed it yet. */
  fromRetained: boolean;
}

export type StreamResultV2 = { ok: true; frame: DecodedFrameV2; repeat: boolean } | { ok: false; reason: DropReason; detail: string };

export class StreamReceiverV2 {
  private readonly streams = new Map<string, StreamState>();

  constructor(private readonly zone: string, private readonly frame: EnuFrame) {}

  /** Streams waiting for a snapshot (first one, or after a loss). */
  get resyncing(): string[] {
    return [...this.streams].filter(([, s]) => !s.inSync).map(([k]) => k);
  }

  receive(stream: string, bytes: Uint8Array, ordered = false): StreamResultV2 {
    let st = this.streams.get(stream);
    if (!st) {
      st = { decoder: new FrameDecoderV2(this.zone, this.frame), lastSeq: null, inSync: false, fromRetained: false };
      this.streams.set(stream, st);
    }
    const kind = headerKind(bytes);
    if (kind === FRAME_KIND.snapshot && !ordered && st.inSync && st.lastSeq !== null) {
      const seq = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat64(HEADER.seq, true);
      if (seq <= st.lastSeq) return { ok: false, reason: 'stale-snapshot', detail: `${stream} seq ${seq} ≤ ${st.lastSeq}` };
    }
    if (kind === FRAME_KIND.delta && !st.inSync) return { ok: false, reason: 'awaiting-snapshot', detail: stream };
    const r = st.decoder.decode(bytes);
    if (r.ok) {
      const snap = r.frame.kind === 'snapshot';
      const repeat = snap && ordered && st.inSync && r.frame.seq === st.lastSeq;
      st.lastSeq = r.frame.seq;
      if (snap) st.inSync = true;
      st.fromRetained = snap && !ordered;
      return { ok: true, frame: r.frame, repeat };
    }
    if (r.reason === 'inconsistent') {
      st.inSync = false;
      if (st.fromRetained) {
        st.fromRetained = false;
        return { ok: false, reason: 'awaiting-snapshot', detail: `${stream}: live deltas went on past the retained snapshot (${r.detail})` };
      }
    }
    return { ok: false, reason: r.reason, detail: `${stream}: ${r.detail}` };
  }

  /** A new broker session: every stream starts afresh. */
  reset(): void {
    this.streams.clear();
  }
}

/** The frame kind byte of something that looks like a v2 frame; anything else goes to the decoder, which says why not. */
function headerKind(bytes: Uint8Array): number | null {
  if (bytes.byteLength < HEADER.bytes) return null;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return null;
  return bytes[HEADER.kind]!;
}

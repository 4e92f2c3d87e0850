/**
 * One FrameDecoderV2 per MQTT v2 stream, with the receiver rule of docs/feed-protocol.md ("MQTT
 * v2"): while a stream is in sync, a snapshot whose seq is ≤ the last accepted is ignored (a stale
 * retained copy); after an 'inconsistent' drop the stream waits for its next snapshot, whatever its
 * seq. The seq is read from the header before decoding, so a stale snapshot never resets the
 * decoder's dictionaries. Streams are independent: one stream's loss does not stop the others.
 */
import type { EnuFrame } from '../../core/geodesy';
import { FrameDecoderV2 } from '../protocol/v2/FrameDecoderV2';
import { FRAME_KIND, HEADER } from '../protocol/v2/layout';
import type { DecodeResultV2 } from '../protocol/v2/types';

interface StreamState {
  decoder: FrameDecoderV2;
  lastSeq: number | null;
  /** False after an 'inconsistent' drop, until a snapshot arrives. */
  inSync: boolean;
}

export type StreamResultV2 = DecodeResultV2 | { ok: false; reason: 'stale-snapshot' | 'awaiting-snapshot'; detail: string };

export class StreamReceiverV2 {
  private readonly streams = new Map<string, StreamState>();

  constructor(private readonly zone: string, private readonly frame: EnuFrame) {}

  /** Streams waiting for a snapshot after a loss. */
  get resyncing(): string[] {
    return [...this.streams].filter(([, s]) => !s.inSync).map(([k]) => k);
  }

  receive(stream: string, bytes: Uint8Array): StreamResultV2 {
    let st = this.streams.get(stream);
    if (!st) {
      st = { decoder: new FrameDecoderV2(this.zone, this.frame), lastSeq: null, inSync: true };
      this.streams.set(stream, st);
    }
    const snapshot = bytes.byteLength >= HEADER.bytes && bytes[HEADER.kind] === FRAME_KIND.snapshot;
    if (snapshot && st.inSync && st.lastSeq !== null) {
      const seq = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat64(HEADER.seq, true);
      if (seq <= st.lastSeq) return { ok: false, reason: 'stale-snapshot', detail: `${stream} seq ${seq} ≤ ${st.lastSeq}` };
    }
    if (!snapshot && !st.inSync) return { ok: false, reason: 'awaiting-snapshot', detail: stream };
    const r = st.decoder.decode(bytes);
    if (r.ok) {
      st.lastSeq = r.frame.seq;
      if (r.frame.kind === 'snapshot') st.inSync = true;
    } else if (r.reason === 'inconsistent') st.inSync = false;
    return r;
  }

  /** A new broker session: every stream starts afresh. */
  reset(): void {
    this.streams.clear();
  }
}

/**
 * Replays of the embedded simulator, from the viewer's in-memory recording: a ReplayStreamer over
 * MemoryRecording whose messages are handed to the replay ingest as JSON text, the same path a
 * server's replay takes. History is answered from the recording's events at once.
 */
import { PROTOCOL_VERSION } from '../protocol/limits';
import type { HistoryRequest, HistoryResultMessage, ReplayRequest } from '../protocol/messages';
import type { Timers } from '../sources/FeedSource';
import type { MemoryRecording } from './MemoryRecording';
import type { HistoryHandler, ReplayBackend } from './ReplayBackend';
import { ReplayStreamer } from './ReplayStreamer';

export interface MemoryReplayOptions {
  zone: string;
  recording: MemoryRecording;
  /** The replay ingest's enqueue. */
  deliver(raw: string, recvMs: number): void;
  onHistory: HistoryHandler;
  now: () => number;
  timers: Timers;
}

const MAX_EVENTS = 5000;

export class MemoryReplayBackend implements ReplayBackend {
  readonly kind = 'memory' as const;
  private streamer: ReplayStreamer | null = null;

  constructor(private readonly o: MemoryReplayOptions) {}

  replay(req: Pick<ReplayRequest, 'id' | 'from' | 'to' | 'speed'>): void {
    this.streamer?.stop();
    const s = new ReplayStreamer({
      archive: this.o.recording, zone: this.o.zone, request: req, now: this.o.now, timers: this.o.timers,
      send: (msg) => this.o.deliver(JSON.stringify(msg), this.o.now()),
    });
    this.streamer = s;
    void s.start();
  }

  stop(): void {
    this.streamer?.stop();
    this.streamer = null;
  }

  history(req: Pick<HistoryRequest, 'id' | 'from' | 'to' | 'kinds'>): void {
    const all = this.o.recording.eventsBetween(req.from, req.to);
    const events = all.slice(0, MAX_EVENTS);
    const msg: HistoryResultMessage = {
      v: PROTOCOL_VERSION, type: 'history-result', zone: this.o.zone, id: req.id, from: req.from, to: req.to,
      range: this.o.recording.rangeNow(), events, truncated: all.length > events.length,
    };
    this.o.onHistory(msg);
  }

  leave(): void {
    this.stop();
  }

  dispose(): void {
    this.stop();
  }
}

/**
 * Replays of the embedded simulator, whose recording lives in the simulator worker (SimWorkerHost
 * keeps the MemoryRecording and runs the MemoryReplayBackend there). This side forwards the
 * requests through the worker source's replay link and hands what comes back to the time
 * machine: replayed frames as protocol text to the replay ingest, history answers to onHistory.
 *
 * While no worker runs (a crashed one is being replaced) a replay ends at once with an error the
 * time machine shows, and history goes unanswered until the next poll; the new worker's recording
 * starts with its own stream.
 */
import { PROTOCOL_VERSION } from '../protocol/limits';
import type { HistoryRequest, HistoryResultMessage, ReplayEndMessage, ReplayRequest } from '../protocol/messages';
import type { HistoryHandler, ReplayBackend } from './ReplayBackend';

/** What the worker is asked (see workerProtocol.ts). */
export type SimReplayRequest =
  | { type: 'replay'; id: number; from: number; to?: number; speed: number }
  | { type: 'replay-stop' }
  | { type: 'history'; id: number; from: number; to: number };

export interface SimReplayListener {
  frame(text: string): void;
  history(msg: HistoryResultMessage): void;
}

/** WorkerFeedSource's side of it. */
export interface SimReplayLink {
  /** False when no worker runs to ask. */
  send(msg: SimReplayRequest): boolean;
  listen(l: SimReplayListener | null): void;
}

export interface WorkerReplayOptions {
  zone: string;
  link: SimReplayLink;
  /** The replay ingest's enqueue. */
  deliver(raw: string, recvMs: number): void;
  onHistory: HistoryHandler;
  now: () => number;
}

export class WorkerReplayBackend implements ReplayBackend {
  readonly kind = 'memory' as const;

  constructor(private readonly o: WorkerReplayOptions) {
    o.link.listen({ frame: (text) => o.deliver(text, o.now()), history: (m) => o.onHistory(m) });
  }

  replay(req: Pick<ReplayRequest, 'id' | 'from' | 'to' | 'speed'>): void {
    const sent = this.o.link.send({ type: 'replay', id: req.id, from: req.from, speed: req.speed, ...(req.to !== undefined ? { to: req.to } : {}) });
    if (sent) return;
    const end: ReplayEndMessage = {
      v: PROTOCOL_VERSION, type: 'replay-end', zone: this.o.zone, id: req.id, reason: 'error', ts: null,
      message: 'the simulator is restarting; try again in a moment',
    };
    this.o.deliver(JSON.stringify(end), this.o.now());
  }

  stop(): void {
    this.o.link.send({ type: 'replay-stop' });
  }

  history(req: Pick<HistoryRequest, 'id' | 'from' | 'to' | 'kinds'>): void {
    // The in-memory recording keeps no readings series (only the feed server's store does): a
    // readings request is answered here, empty, without a round trip.
    if (req.kinds && !req.kinds.includes('events')) {
      const none: HistoryResultMessage = {
        v: PROTOCOL_VERSION, type: 'history-result', zone: this.o.zone, id: req.id, from: req.from, to: req.to,
        range: null, events: [], readings: {}, truncated: false,
      };
      this.o.onHistory(none);
      return;
    }
    this.o.link.send({ type: 'history', id: req.id, from: req.from, to: req.to });
  }

  leave(): void {
    this.stop();
  }

  dispose(): void {
    this.stop();
    this.o.link.listen(null);
  }
}

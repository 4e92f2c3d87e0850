/**
 * Where a viewer's replays and history come from: the feed server (a second WebSocket connection
 * for the replayed stream, so the live one keeps the live alerts going) or the in-memory
 * recording of the embedded simulator. Either way the replayed frames reach the replay ingest as
 * protocol text, through the same decoding and validation as live frames.
 */
import type { HistoryResultMessage, ReplayRequest, HistoryRequest } from '../protocol/messages';

export type ReplayBackendKind = 'server' | 'memory';

export interface ReplayBackend {
  readonly kind: ReplayBackendKind;
  /** Starts (or replaces) the replay; its frames go to the replay ingest. */
  replay(req: Pick<ReplayRequest, 'id' | 'from' | 'to' | 'speed'>): void;
  /** Stops the replay in progress (a replay-end follows). */
  stop(): void;
  /** Asks for recorded events (and the recorded range); the answer comes to `onResult`. */
  history(req: Pick<HistoryRequest, 'id' | 'from' | 'to' | 'kinds' | 'sensors'>): void;
  /** Where the replay has got to, so a reconnect resumes there. */
  noteProgress?(ts: number): void;
  /** Leaves replay altogether (closes what only a replay needed). */
  leave(): void;
  dispose(): void;
}

export type HistoryHandler = (msg: HistoryResultMessage) => void;

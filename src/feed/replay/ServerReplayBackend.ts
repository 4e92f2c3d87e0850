/**
 * Replays from the feed server's recording. The replayed stream has a WebSocket connection of its
 * own, opened on the first replay and closed on the way back to live: the server pauses a
 * connection's live deltas while it replays, and the live connection must keep feeding the live
 * alerts. History requests are small and go over the live connection (`sendLive`), or over the
 * replay connection where the live feed is not our server's (an MQTT broker).
 *
 * The replay request is (re)sent once the connection has subscribed: after every (re)connect the
 * replay resumes where it was, so a dropped link costs a moment, not the investigation.
 */
import { createRng } from '../../core/rng';
import { PROTOCOL_VERSION } from '../protocol/limits';
import type { HistoryRequest, ReplayRequest } from '../protocol/messages';
import type { Timers } from '../sources/FeedSource';
import { WebSocketFeedSource, type WebSocketCtor } from '../sources/WebSocketFeedSource';
import type { ReplayBackend } from './ReplayBackend';

export interface ServerReplayOptions {
  url: string;
  zone: string;
  /** The live connection's token at the time the replay connection opens. */
  token(): string | undefined;
  /** The replay ingest's enqueue. */
  deliver(raw: unknown, recvMs: number): void;
  /** Sends on the live connection; null when the live feed is not our server (history then uses the replay connection). */
  sendLive: ((msg: object) => boolean) | null;
  now: () => number;
  timers: Timers;
  WebSocketImpl?: WebSocketCtor;
  onStateDetail?(state: string, detail: string | null): void;
}

type Req = Pick<ReplayRequest, 'id' | 'from' | 'to' | 'speed'>;

export class ServerReplayBackend implements ReplayBackend {
  readonly kind = 'server' as const;
  private source: WebSocketFeedSource | null = null;
  private current: Req | null = null;
  private pendingHistory: object[] = [];
  private connected = false;

  constructor(private readonly o: ServerReplayOptions) {}

  private ensureSource(): WebSocketFeedSource {
    if (this.source) return this.source;
    const src = new WebSocketFeedSource({
      url: this.o.url, zone: this.o.zone, now: this.o.now, timers: this.o.timers, rng: createRng(`replay:${this.o.zone}`),
      WebSocketImpl: this.o.WebSocketImpl, ...(this.o.token() !== undefined ? { token: this.o.token()! } : {}),
      // Replays are JSON text whatever the subscription says; v1 keeps the live frames around them text too.
      encoding: 'v1',
      sink: {
        message: (raw, recvMs) => this.o.deliver(raw, recvMs),
        state: (s, detail) => {
          this.connected = s === 'connected';
          this.o.onStateDetail?.(s, detail);
          // The source subscribes right after it reports `connected`: send behind that.
          if (s === 'connected') this.o.timers.setTimeout(() => this.resend(), 0);
        },
      },
    });
    this.source = src;
    src.start();
    return src;
  }

  private resend(): void {
    const src = this.source;
    if (!src || !this.connected) return;
    if (this.current) src.request({ v: PROTOCOL_VERSION, type: 'replay', zone: this.o.zone, ...this.current });
    for (const h of this.pendingHistory.splice(0)) src.request(h);
  }

  replay(req: Req): void {
    this.current = { id: req.id, from: req.from, speed: req.speed, ...(req.to !== undefined ? { to: req.to } : {}) };
    const src = this.ensureSource();
    if (this.connected) src.request({ v: PROTOCOL_VERSION, type: 'replay', zone: this.o.zone, ...this.current });
  }

  /** Where the replay got to is resumed from `from` after a reconnect. */
  noteProgress(ts: number): void {
    if (this.current) this.current = { ...this.current, from: ts };
  }

  stop(): void {
    this.current = null;
    this.source?.request({ v: PROTOCOL_VERSION, type: 'replay-stop', zone: this.o.zone });
  }

  history(req: Pick<HistoryRequest, 'id' | 'from' | 'to' | 'kinds' | 'sensors'>): void {
    const msg = { v: PROTOCOL_VERSION, type: 'history', zone: this.o.zone, ...req };
    if (this.o.sendLive) {
      this.o.sendLive(msg);
      return;
    }
    const src = this.ensureSource();
    if (this.connected) src.request(msg);
    else this.pendingHistory.push(msg);
  }

  /** Back to live: the replay connection is closed unless it also carries history (MQTT). */
  leave(): void {
    this.stop();
    if (this.o.sendLive === null) return;
    this.source?.dispose();
    this.source = null;
    this.connected = false;
  }

  dispose(): void {
    this.current = null;
    this.source?.dispose();
    this.source = null;
  }
}

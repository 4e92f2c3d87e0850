/**
 * The network worker's logic: runs a WebSocketFeedSource inside the worker, decodes its binary
 * (v2) frames with a FrameDecoderV2 and posts the decoded frame with its typed arrays as
 * transferables, so the main thread receives finished columns without a copy and only applies
 * them. Text frames are forwarded as strings. I/O is injected so this runs in-process in tests.
 */
import { EnuFrame } from '../../core/geodesy';
import { FrameDecoderV2 } from '../protocol/v2/FrameDecoderV2';
import { transferListV2 } from '../protocol/v2/types';
import { realTimers, type FeedSink, type Timers } from '../sources/FeedSource';
import { WebSocketFeedSource, type WebSocketCtor } from '../sources/WebSocketFeedSource';
import { IdKeyEncoder } from './IdKeyEncoder';
import { mainToNetSchema, type NetStartMessage, type NetToMain } from './netProtocol';

export interface NetWorkerDeps {
  post(msg: NetToMain, transfer?: Transferable[]): void;
  now(): number;
  timers?: Timers;
  WebSocketImpl?: WebSocketCtor;
}

export class NetWorkerHost {
  private source: WebSocketFeedSource | null = null;
  private decoder: FrameDecoderV2 | null = null;
  private readonly idKeys = new IdKeyEncoder();
  private lastAccess = '';
  private stopped = false;

  constructor(private readonly d: NetWorkerDeps) {}

  handle(data: unknown): void {
    const r = mainToNetSchema.safeParse(data);
    if (!r.success) return;
    const m = r.data;
    if (m.type === 'start') return this.start(m);
    if (m.type === 'ids-reset') return this.idKeys.reset();
    const s = this.source;
    if (!s) return;
    switch (m.type) {
      case 'snapshot': return s.requestSnapshot();
      case 'heartbeat': return s.setHeartbeatMs(m.ms);
      case 'control': {
        const { type: _t, ...c } = m;
        return s.control(c);
      }
      case 'token': return s.setToken(m.token);
      case 'request':
        s.request(m.msg);
        return;
      case 'wall-join': return s.wall.join(m.wall, m.as);
      case 'wall-leave': return s.wall.leave(m.wall);
      case 'wall-publish': return s.wall.publish(m.wall, m.state);
      case 'stop': return this.stop();
    }
  }

  private start(m: NetStartMessage): void {
    if (this.source || this.stopped) return;
    const decoder = new FrameDecoderV2(m.zone, new EnuFrame(m.origin));
    this.decoder = decoder;
    const sink: FeedSink = {
      message: (raw) => this.onMessage(raw),
      state: (state, detail, nextRetryAtMs, attempt) => {
        // A new connection is a new stream: the dictionaries start again from its snapshot.
        if (state === 'connected') decoder.reset();
        this.post({ type: 'state', state, detail, ...(nextRetryAtMs !== undefined ? { nextRetryAtMs } : {}), ...(attempt !== undefined ? { attempt } : {}) });
        this.postAccess();
      },
    };
    this.source = new WebSocketFeedSource({
      url: m.url, zone: m.zone, sink, now: this.d.now, timers: this.d.timers ?? realTimers, encoding: m.encoding,
      ...(m.token !== undefined ? { token: m.token } : {}),
      ...(m.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: m.heartbeatTimeoutMs } : {}),
      ...(m.backoff !== undefined ? { backoff: m.backoff } : {}),
      ...(this.d.WebSocketImpl ? { WebSocketImpl: this.d.WebSocketImpl } : {}),
    });
    this.source.start();
  }

  private onMessage(raw: unknown): void {
    if (typeof raw === 'string') {
      this.post({ type: 'text', data: raw });
      // An access frame (auth-ok, a refusal) may have changed what the source knows.
      if (raw.length < 4096 && raw.includes('auth')) this.postAccess();
      return;
    }
    if (!(raw instanceof ArrayBuffer) && !(raw instanceof Uint8Array)) return;
    const r = this.decoder!.decode(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
    if (!r.ok) {
      this.post({ type: 'rejected', reason: r.reason, detail: r.detail });
      return;
    }
    const f = r.frame;
    const ids = this.idKeys.encode(f.vehicles.ids);
    const frame = { ...f, vehicles: { ...f.vehicles, ids: [] } };
    if (!this.stopped) this.d.post({ type: 'frame', frame, ids }, [...transferListV2(f), ids.keys.buffer]);
  }

  private postAccess(): void {
    const a = this.source?.access;
    if (!a) return;
    const key = JSON.stringify(a);
    if (key === this.lastAccess) return;
    this.lastAccess = key;
    this.post({ type: 'access', access: a });
  }

  private post(msg: NetToMain): void {
    if (!this.stopped) this.d.post(msg);
  }

  private stop(): void {
    this.stopped = true;
    this.source?.dispose();
    this.source = null;
  }
}

/**
 * A small Chrome DevTools Protocol client over one browser-level WebSocket: commands with ids and
 * timeouts, events, and page sessions multiplexed on the same socket (`Target.attachToTarget`
 * with `flatten: true`), so one connection watches the browser and its tab together.
 *
 * The timeout on every command is the point: a hung renderer never answers, and the supervisor
 * has to learn that from silence.
 */
import WebSocket from 'ws';

export type CdpParams = Record<string, unknown>;
export type CdpEventHandler = (params: CdpParams, sessionId: string | undefined) => void;

export interface SendOptions {
  sessionId?: string;
  timeoutMs?: number;
}

export class CdpCommandError extends Error {
  constructor(readonly method: string, message: string, readonly timedOut = false) {
    super(`${method}: ${message}`);
    this.name = 'CdpCommandError';
  }
}

interface Pending {
  method: string;
  resolve: (result: CdpParams) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const isRecord = (v: unknown): v is CdpParams => typeof v === 'object' && v !== null && !Array.isArray(v);

export class CdpClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Set<CdpEventHandler>>();
  private readonly closeHandlers = new Set<(reason: string) => void>();
  private closedReason: string | null = null;

  private constructor(private readonly ws: WebSocket, private readonly defaultTimeoutMs: number) {
    ws.on('message', (data: WebSocket.RawData) => this.receive(data.toString()));
    ws.on('close', (code: number) => this.closed(`socket closed (${code})`));
    ws.on('error', (e: Error) => this.closed(`socket error: ${e.message}`));
  }

  /** Opens the browser target's socket; rejects after `timeoutMs` rather than hang on a wedged browser. */
  static connect(wsUrl: string, opts: { timeoutMs?: number; commandTimeoutMs?: number } = {}): Promise<CdpClient> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      // Huge payloads never come from the calls made here; cap them so a confused peer cannot
      // make the supervisor buffer hundreds of megabytes.
      const ws = new WebSocket(wsUrl, { perMessageDeflate: false, maxPayload: 16 * 2 ** 20, handshakeTimeout: timeoutMs });
      const fail = (e: Error) => {
        ws.removeAllListeners();
        ws.on('error', () => {});
        ws.terminate();
        reject(new Error(`cannot open DevTools socket ${wsUrl}: ${e.message}`));
      };
      ws.once('error', fail);
      ws.once('open', () => {
        ws.off('error', fail);
        resolve(new CdpClient(ws, opts.commandTimeoutMs ?? 5000));
      });
    });
  }

  get isClosed(): boolean {
    return this.closedReason !== null;
  }

  send(method: string, params: CdpParams = {}, opts: SendOptions = {}): Promise<CdpParams> {
    if (this.closedReason !== null) return Promise.reject(new CdpCommandError(method, this.closedReason));
    const id = this.nextId++;
    const timeoutMs = opts.timeoutMs ?? this.defaultTimeoutMs;
    return new Promise<CdpParams>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A late answer finds no entry and is dropped.
        this.pending.delete(id);
        reject(new CdpCommandError(method, `no answer within ${timeoutMs} ms`, true));
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer });
      const msg: CdpParams = { id, method, params };
      if (opts.sessionId !== undefined) msg.sessionId = opts.sessionId;
      this.ws.send(JSON.stringify(msg), (err) => {
        if (!err) return;
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new CdpCommandError(method, err.message));
      });
    });
  }

  /** Subscribes to an event, on the browser or on any session; returns the unsubscribe function. */
  on(method: string, handler: CdpEventHandler): () => void {
    let set = this.handlers.get(method);
    if (!set) this.handlers.set(method, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  onClose(handler: (reason: string) => void): () => void {
    this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  }

  close(): void {
    this.closed('closed by the supervisor');
    this.ws.terminate();
  }

  private receive(text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(msg)) return;
    if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (isRecord(msg.error)) p.reject(new CdpCommandError(p.method, String(msg.error.message ?? 'error')));
      else p.resolve(isRecord(msg.result) ? msg.result : {});
      return;
    }
    if (typeof msg.method !== 'string') return;
    const set = this.handlers.get(msg.method);
    if (!set) return;
    const params = isRecord(msg.params) ? msg.params : {};
    const sessionId = typeof msg.sessionId === 'string' ? msg.sessionId : undefined;
    for (const h of [...set]) h(params, sessionId);
  }

  private closed(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new CdpCommandError(p.method, reason));
    }
    for (const h of [...this.closeHandlers]) h(reason);
    this.closeHandlers.clear();
    this.handlers.clear();
  }
}

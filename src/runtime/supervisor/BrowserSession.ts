/**
 * Watches one browser for as long as it lives: attaches to its tab over CDP, probes the tab every
 * heartbeat period, listens for crashes, and carries out what `heartbeat.ts` decides. It ends when
 * the browser exits, when its DevTools socket is lost for good, when the ladder says the browser
 * itself must go, or when the supervisor stops; the Supervisor then decides what comes next.
 */
import type { BrowserProcess } from './BrowserProcess';
import { CdpClient, type CdpParams } from './cdp';
import type { EventLog } from './eventLog';
import { attachToPage, createPageTarget, firstPageTarget } from './pageTargets';
import {
  escalate, INITIAL_HEARTBEAT, onAnswer, onCrash, onMiss, onRecoveryDone,
  type HangRung, type HeartbeatConfig, type HeartbeatState, type PageAction,
} from './heartbeat';

export type SessionEnd =
  | { reason: 'exit' }
  | { reason: 'disconnected'; detail: string }
  | { reason: 'hang' }
  | { reason: 'stopped' };

/** What a session needs of the browser process: where to connect, and whether it still runs. */
export type WatchedBrowser = Pick<BrowserProcess, 'endpoint' | 'exited' | 'hasExited'>;

export interface SessionConfig {
  url: string;
  heartbeatMs: number;
  heartbeat: HeartbeatConfig;
  /** Limit for every CDP command other than the probe. */
  commandTimeoutMs: number;
  /** How long a fresh browser may take to show its first tab before one is opened for it. */
  firstTabWaitMs: number;
  /** Pause before each of the reconnect tries after the DevTools socket closed. */
  reconnectDelayMs: number;
}

type Recovery = Exclude<PageAction, { kind: 'none' }> | { kind: 'recreate'; reason: 'closed'; delayMs: 0 };
type Step = HangRung | 'navigate';

const RECONNECT_TRIES = 3;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class BrowserSession {
  private client: CdpClient | null = null;
  private targetId: string | null = null;
  private sessionId: string | null = null;
  private hb: HeartbeatState = INITIAL_HEARTBEAT;
  /** Recoveries run one after another; a probe answer that straddles one means nothing. */
  private queue: Promise<void> = Promise.resolve();
  private pendingRecoveries = 0;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly sleepers = new Set<() => void>();
  /** Targets the supervisor closed itself: their destruction is not an event. */
  private readonly closedByUs = new Set<string>();
  private ended = false;
  private reconnecting = false;
  private resolveEnd: (end: SessionEnd) => void = () => {};
  private readonly done = new Promise<SessionEnd>((r) => (this.resolveEnd = r));

  constructor(private readonly browser: WatchedBrowser, private readonly cfg: SessionConfig, private readonly log: EventLog) {}

  run(): Promise<SessionEnd> {
    void this.browser.exited.then(() => this.end({ reason: 'exit' }));
    void this.connect().then(
      () => this.scheduleProbe(this.cfg.heartbeatMs),
      (e: unknown) => void this.lostSocket(errText(e)),
    );
    return this.done;
  }

  /** Asks the browser to close itself (it then saves its profile); the caller waits for the exit. */
  async stop(): Promise<void> {
    const client = this.client;
    this.end({ reason: 'stopped' });
    if (client && !client.isClosed) await client.send('Browser.close', {}, { timeoutMs: 3000 }).catch(() => {});
    client?.close();
  }

  private end(end: SessionEnd): void {
    if (this.ended) return;
    this.ended = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    for (const wake of this.sleepers) wake();
    if (end.reason !== 'stopped') this.client?.close();
    this.resolveEnd(end);
  }

  private async connect(): Promise<void> {
    const client = await CdpClient.connect(this.browser.endpoint.wsUrl, { commandTimeoutMs: this.cfg.commandTimeoutMs });
    if (this.ended) return client.close();
    this.client = client;
    client.on('Target.targetCrashed', (p) => this.crashed(str(p.targetId), str(p.status), p.errorCode));
    client.on('Inspector.targetCrashed', (_p, sessionId) => {
      if (sessionId !== undefined && sessionId === this.sessionId) this.crashed(this.targetId ?? undefined, 'crashed', undefined);
    });
    client.on('Target.targetDestroyed', (p) => this.destroyed(str(p.targetId)));
    try {
      // Discovery is what makes the browser report crashes and closed tabs at the browser level.
      await client.send('Target.setDiscoverTargets', { discover: true });
      await this.attach(await this.findTab(client));
    } catch (e) {
      // Half set up is not connected: the caller retries with a fresh socket.
      this.client = null;
      client.close();
      throw e;
    }
    client.onClose((reason) => void this.lostSocket(reason));
    if (client.isClosed) void this.lostSocket('socket closed while attaching');
  }

  /** The tab the browser opened for the URL; a new one if none shows up in time. */
  private async findTab(client: CdpClient): Promise<string> {
    const until = Date.now() + this.cfg.firstTabWaitMs;
    for (;;) {
      const id = await firstPageTarget(client);
      if (id) return id;
      if (Date.now() >= until || this.ended) return createPageTarget(client, this.cfg.url);
      await this.sleep(200);
    }
  }

  private async attach(targetId: string): Promise<void> {
    const { sessionId, url } = await attachToPage(this.client!, targetId);
    this.targetId = targetId;
    this.sessionId = sessionId;
    this.log.emit('page-attached', { target: targetId, url });
  }

  private scheduleProbe(delayMs: number): void {
    if (this.ended) return;
    this.probeTimer = setTimeout(() => void this.probe(), Math.max(0, delayMs));
  }

  private async probe(): Promise<void> {
    this.probeTimer = null;
    const client = this.client;
    const sessionId = this.sessionId;
    if (this.ended) return;
    if (this.pendingRecoveries > 0 || !client || client.isClosed || !sessionId) return this.scheduleProbe(this.cfg.heartbeatMs);
    const startedAt = Date.now();
    let protocol: string | null = null;
    try {
      // Answered by the renderer's main thread, so silence means the page's JavaScript is stuck
      // (or the renderer or browser is gone). The value tells the viewer from an error page.
      const r = await client.send('Runtime.evaluate', { expression: 'location.protocol', returnByValue: true }, { sessionId, timeoutMs: this.cfg.heartbeatMs });
      protocol = str((r.result as CdpParams | undefined)?.value) ?? '';
    } catch {
      protocol = null;
    }
    if (this.ended) return;
    if (this.pendingRecoveries === 0 && sessionId === this.sessionId) this.judge(protocol);
    this.scheduleProbe(this.cfg.heartbeatMs - (Date.now() - startedAt));
  }

  private judge(protocol: string | null): void {
    const prev = this.hb;
    const step = protocol === null ? onMiss(this.cfg.heartbeat, prev) : onAnswer(this.cfg.heartbeat, prev, Date.now(), { errorPage: protocol === 'chrome-error:' });
    this.hb = step.state;
    const action = step.action;
    if (protocol === null) {
      this.log.emit('heartbeat-missed', { count: prev.missesInRow + 1, target: this.targetId, action: action.kind });
    } else if (prev.missesInRow > 0) {
      this.log.emit('heartbeat-recovered', { misses: prev.missesInRow, target: this.targetId });
    }
    if (action.kind === 'navigate') this.log.emit('page-error-page', { target: this.targetId, action: 'navigate', 'delay-ms': action.delayMs });
    if (action.kind !== 'none') this.enqueue(action);
  }

  private crashed(targetId: string | undefined, status: string | undefined, errorCode: unknown): void {
    if (this.ended || targetId === undefined || targetId !== this.targetId) return;
    const step = onCrash(this.cfg.heartbeat, this.hb);
    this.hb = step.state;
    if (step.action.kind === 'none') return;
    this.log.emit('page-crashed', {
      target: targetId, status, 'error-code': typeof errorCode === 'number' ? errorCode : undefined,
      action: step.action.kind, 'delay-ms': step.action.delayMs,
    });
    this.enqueue(step.action);
  }

  private destroyed(targetId: string | undefined): void {
    if (this.ended || targetId === undefined) return;
    if (this.closedByUs.delete(targetId) || targetId !== this.targetId) return;
    this.log.emit('page-closed', { target: targetId, action: 'recreate' });
    this.targetId = null;
    this.sessionId = null;
    this.enqueue({ kind: 'recreate', reason: 'closed', delayMs: 0 });
  }

  private enqueue(r: Recovery): void {
    this.pendingRecoveries++;
    this.queue = this.queue
      .then(() => this.recover(r))
      .catch((e: unknown) => this.log.emit('recovery-failed', { step: r.kind, error: errText(e) }))
      .finally(() => this.pendingRecoveries--);
  }

  /** Tries the step; when it fails, the next rung of the ladder, up to restarting the browser. */
  private async recover(r: Recovery): Promise<void> {
    if (r.delayMs > 0) await this.sleep(r.delayMs);
    let step: Step = r.kind;
    while (!this.ended) {
      try {
        await this.perform(step, r.reason);
        break;
      } catch (e) {
        if (this.ended) return;
        const next: HangRung = step === 'navigate' ? 'recreate' : escalate(step);
        this.log.emit('recovery-failed', { step, target: this.targetId, error: errText(e), next });
        step = next;
      }
    }
    this.hb = onRecoveryDone(this.hb);
  }

  private async perform(step: Step, reason: Recovery['reason']): Promise<void> {
    if (this.ended) return;
    const client = this.client;
    if (!client || client.isClosed) throw new Error('no DevTools connection');
    const target = this.targetId;
    const sessionId = this.sessionId;
    switch (step) {
      case 'restart-browser':
        this.log.emit('browser-restart', { reason });
        this.end({ reason: 'hang' });
        return;
      case 'reload':
      case 'navigate':
        if (!sessionId) throw new Error('no tab attached');
        this.log.emit(step === 'reload' ? 'page-reload' : 'page-navigate', { target, reason, url: step === 'navigate' ? this.cfg.url : undefined });
        // A reload has to run in the stuck renderer: first break the script that holds its main
        // thread. This one command is served off the main thread, by a V8 interrupt.
        if (reason === 'hang') await client.send('Runtime.terminateExecution', {}, { sessionId, timeoutMs: 1000 }).catch(() => {});
        if (step === 'reload') await client.send('Page.reload', {}, { sessionId });
        else await client.send('Page.navigate', { url: this.cfg.url }, { sessionId });
        return;
      case 'recreate': {
        this.log.emit('page-recreate', { 'old-target': target, reason });
        // Open the new tab before closing the old: closing a kiosk's last tab would end the browser.
        const id = await createPageTarget(client, this.cfg.url);
        await this.attach(id);
        if (target && target !== id) {
          this.closedByUs.add(target);
          await client.send('Target.closeTarget', { targetId: target }).catch(() => {});
        }
        return;
      }
    }
  }

  /** The socket closed: reopen it while the browser still runs, else end the session. */
  private async lostSocket(detail: string): Promise<void> {
    if (this.ended || this.reconnecting) return;
    this.reconnecting = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.client = null;
    this.sessionId = null;
    // The socket often closes a moment before the exit is reported; an exit wins.
    await Promise.race([this.browser.exited, this.sleep(this.cfg.reconnectDelayMs)]);
    for (let i = 1; i <= RECONNECT_TRIES && !this.ended && !this.browser.hasExited; i++) {
      try {
        await this.connect();
        this.log.emit('browser-reconnected', { try: i, target: this.targetId });
        this.hb = INITIAL_HEARTBEAT;
        this.reconnecting = false;
        this.scheduleProbe(this.cfg.heartbeatMs);
        return;
      } catch (e) {
        detail = errText(e);
        await this.sleep(this.cfg.reconnectDelayMs);
      }
    }
    if (!this.browser.hasExited) this.log.emit('browser-disconnected', { detail, action: 'restart' });
    this.end(this.browser.hasExited ? { reason: 'exit' } : { reason: 'disconnected', detail });
  }

  private sleep(ms: number): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        this.sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

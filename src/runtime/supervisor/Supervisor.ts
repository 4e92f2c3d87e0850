/**
 * Keeps one screen's browser alive: starts Chromium, hands it to a BrowserSession to watch, and
 * when the session ends (the browser exited, lost its DevTools socket or hung past saving)
 * restarts it after a capped exponential backoff. `stop()` closes the browser cleanly.
 */
import type { ScreenOptions } from './args';
import { backoffFailed, backoffStarted, DEFAULT_RESTART_BACKOFF, INITIAL_BACKOFF, type BackoffPolicy, type BackoffState } from './backoff';
import { BrowserProcess } from './BrowserProcess';
import { BrowserSession, type SessionConfig } from './BrowserSession';
import { chromiumArgs } from './chromiumFlags';
import type { EventLog } from './eventLog';
import { DEFAULT_HEARTBEAT } from './heartbeat';

export interface SupervisorConfig {
  options: ScreenOptions;
  /** The profile to use; created by the caller (the CLI makes a temporary one by default). */
  userDataDir: string;
  log: EventLog;
  restartBackoff?: BackoffPolicy;
  /** How long a starting browser may take to report its DevTools endpoint. */
  startTimeoutMs?: number;
}

export class Supervisor {
  private stopping = false;
  private session: BrowserSession | null = null;
  private browser: BrowserProcess | null = null;
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly cfg: SupervisorConfig) {}

  /** Runs until `stop()`; never rejects for anything the browser does. */
  start(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  async stop(signal: string): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      this.cfg.log.emit('supervisor-stopping', { signal });
      this.wake?.();
      await this.session?.stop();
      // Not yet watched (still starting): SIGTERM is Chromium's own clean shutdown.
      if (!this.session) this.browser?.kill('SIGTERM');
    }
    await this.running;
  }

  private async loop(): Promise<void> {
    const { options: o, log, userDataDir } = this.cfg;
    const policy = this.cfg.restartBackoff ?? DEFAULT_RESTART_BACKOFF;
    const args = chromiumArgs({ url: o.url, kiosk: o.kiosk, headless: o.headless, window: o.window, userDataDir, extraArgs: o.chromiumArgs });
    const sessionCfg: SessionConfig = {
      url: o.url,
      heartbeatMs: o.heartbeatMs,
      heartbeat: { ...DEFAULT_HEARTBEAT, misses: o.heartbeatMisses },
      commandTimeoutMs: Math.max(2000, Math.min(10_000, o.heartbeatMs)),
      firstTabWaitMs: 5000,
      reconnectDelayMs: 1000,
    };
    log.emit('supervisor-start', {
      pid: process.pid, url: o.url, mode: o.kiosk ? 'kiosk' : 'app', headless: o.headless || undefined,
      'heartbeat-ms': o.heartbeatMs, misses: o.heartbeatMisses, 'user-data-dir': userDataDir,
    });
    let backoff: BackoffState = INITIAL_BACKOFF;
    while (!this.stopping) {
      let browser: BrowserProcess;
      try {
        browser = await BrowserProcess.launch(o.chromiumPath, args, userDataDir, this.cfg.startTimeoutMs ?? 30_000);
      } catch (e) {
        const next = backoffFailed(policy, backoff, Date.now());
        backoff = next.state;
        if (this.stopping) break;
        log.emit('browser-start-failed', { error: (e as Error).message, 'restart-in-ms': next.delayMs });
        await this.sleep(next.delayMs);
        continue;
      }
      this.browser = browser;
      backoff = backoffStarted(backoff, Date.now());
      log.emit('browser-start', { pid: browser.pid, port: browser.endpoint.port });
      if (this.stopping) {
        browser.kill('SIGTERM');
        await this.closed(browser);
        break;
      }
      const session = new BrowserSession(browser, sessionCfg, log);
      this.session = session;
      const end = await session.run();
      this.session = null;
      if (end.reason === 'stopped' || this.stopping) {
        await this.closed(browser);
        break;
      }
      // A hung or unreachable browser is still running: make it go before starting the next.
      if (end.reason !== 'exit') browser.kill('SIGTERM');
      const exit = await browser.stop(end.reason === 'exit' ? 0 : 3000);
      this.browser = null;
      const next = backoffFailed(policy, backoff, Date.now());
      backoff = next.state;
      log.emit('browser-exit', {
        pid: browser.pid, code: exit.code, signal: exit.signal ?? undefined, reason: end.reason,
        'restart-in-ms': next.delayMs, stderr: end.reason === 'exit' ? browser.lastStderrLine || undefined : undefined,
      });
      await this.sleep(next.delayMs);
    }
    this.cfg.log.emit('supervisor-stop', {});
  }

  /** After a clean close request: wait for the exit, escalating to signals if it does not come. */
  private async closed(browser: BrowserProcess): Promise<void> {
    const exit = await browser.stop(5000);
    this.browser = null;
    this.cfg.log.emit('browser-closed', { pid: browser.pid, code: exit.code, signal: exit.signal ?? undefined });
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Last resort on an unexpected exit of the supervisor itself: no orphan browser. */
  killNow(): void {
    this.browser?.kill('SIGKILL');
  }
}

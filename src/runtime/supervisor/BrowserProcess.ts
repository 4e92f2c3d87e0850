/**
 * One Chromium process: spawned in its own process group, its DevTools endpoint discovered, its
 * exit observed, and the whole group (browser, zygote, GPU and renderer processes) killed when it
 * has to go, so no orphan keeps holding the profile or the screen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseActivePortFile, parseListeningLine, type DevtoolsEndpoint } from './devtoolsEndpoint';

export interface BrowserExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const STDERR_TAIL_CHARS = 4096;

export class BrowserProcess {
  readonly exited: Promise<BrowserExit>;
  private exitInfo: BrowserExit | null = null;
  private stderr = '';

  private constructor(private readonly child: ChildProcess, readonly pid: number, readonly endpoint: DevtoolsEndpoint) {
    // A failed kill() is reported as an 'error' event; unheard, it would take the supervisor down.
    child.on('error', () => {});
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(this.markExit(child.exitCode, child.signalCode));
      else child.once('exit', (code, signal) => resolve(this.markExit(code, signal)));
    });
  }

  /**
   * Starts the browser and resolves once its DevTools endpoint is known. Rejects (after killing
   * what it started) if the browser exits first or says nothing within `startTimeoutMs`.
   */
  static async launch(path: string, args: readonly string[], userDataDir: string, startTimeoutMs: number): Promise<BrowserProcess> {
    const portFile = join(userDataDir, 'DevToolsActivePort');
    // A file left by the previous browser in this profile would point at a dead port.
    await rm(portFile, { force: true });
    // detached: a process group of its own, so one kill reaches every Chromium process, and a
    // Ctrl-C in the terminal reaches only the supervisor, which then closes the browser cleanly.
    const child = spawn(path, [...args], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    const onData = (d: string) => (stderr = (stderr + d).slice(-STDERR_TAIL_CHARS));
    child.stderr?.on('data', onData);

    const endpoint = await new Promise<DevtoolsEndpoint>((resolve, reject) => {
      let settled = false;
      const finish = (e: Error | null, ep?: DevtoolsEndpoint) => {
        if (settled) return;
        settled = true;
        clearInterval(poll);
        clearTimeout(timer);
        child.off('exit', onExit);
        child.off('error', onError);
        if (e) reject(e);
        else resolve(ep!);
      };
      const lastLine = () => stderr.trim().split('\n').pop()?.slice(0, 300) ?? '';
      const onExit = (code: number | null, signal: string | null) =>
        finish(new Error(`browser exited before DevTools was ready (code ${code}, signal ${signal}): ${lastLine()}`));
      const onError = (e: Error) => finish(new Error(`cannot start ${path}: ${e.message}`));
      child.once('exit', onExit);
      child.once('error', onError);
      const timer = setTimeout(() => {
        killGroup(child.pid, 'SIGKILL');
        finish(new Error(`browser gave no DevTools endpoint within ${startTimeoutMs} ms: ${lastLine()}`));
      }, startTimeoutMs);
      const poll = setInterval(() => {
        const fromStderr = parseListeningLine(stderr);
        if (fromStderr) return finish(null, fromStderr);
        readFile(portFile, 'utf8').then((t) => {
          const ep = parseActivePortFile(t);
          if (ep) finish(null, ep);
        }, () => {});
      }, 100);
    });
    const proc = new BrowserProcess(child, child.pid!, endpoint);
    proc.stderr = stderr;
    child.stderr?.off('data', onData);
    child.stderr?.on('data', (d: string) => (proc.stderr = (proc.stderr + d).slice(-STDERR_TAIL_CHARS)));
    return proc;
  }

  get hasExited(): boolean {
    return this.exitInfo !== null;
  }

  /** The browser's last stderr line: the likeliest explanation of an exit. */
  get lastStderrLine(): string {
    return this.stderr.trim().split('\n').pop()?.slice(0, 300) ?? '';
  }

  /** Signals every process in the browser's group. */
  kill(signal: NodeJS.Signals): void {
    killGroup(this.pid, signal);
  }

  /** Waits for the exit; after `graceMs`, SIGTERM the group, then SIGKILL it. */
  async stop(graceMs: number): Promise<BrowserExit> {
    const waitFor = (ms: number) => Promise.race([this.exited, new Promise<null>((r) => setTimeout(() => r(null), ms).unref())]);
    const first = await waitFor(graceMs);
    if (first) {
      // The leader is gone; helpers that outlived it must not linger.
      this.kill('SIGKILL');
      return first;
    }
    this.kill('SIGTERM');
    const second = await waitFor(2000);
    this.kill('SIGKILL');
    return second ?? this.exited;
  }

  private markExit(code: number | null, signal: NodeJS.Signals | null): BrowserExit {
    this.exitInfo = { code, signal };
    return this.exitInfo;
  }
}

/** Signals a process group; a group that is already gone is not an error. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined || pid <= 1) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}

/** Command-line flags of `npm run screen`, parsed and validated into ScreenOptions (pure). */
import { parseArgs } from 'node:util';

export interface WindowGeometry {
  width: number;
  height: number;
  /** Null when the geometry gave only a size: the window manager places the window. */
  x: number | null;
  y: number | null;
}

export interface ScreenOptions {
  url: string;
  kiosk: boolean;
  window: WindowGeometry | null;
  logFile: string | null;
  heartbeatMs: number;
  heartbeatMisses: number;
  chromiumPath: string;
  /** Null: a fresh profile in the temp folder, kept across browser restarts, removed on exit. */
  userDataDir: string | null;
  headless: boolean;
  /** Extra Chromium flags, passed through after the supervisor's own. */
  chromiumArgs: string[];
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const DEFAULT_HEARTBEAT_MS = 5000;
export const DEFAULT_HEARTBEAT_MISSES = 3;

export const USAGE = `Usage: npm run screen -- --url <viewer url> [flags]
  --url <url>              page to show (http, https or file URL); required
  --kiosk                  full screen, no browser UI (default: an app window, --app=<url>)
  --window <WxH[+X+Y]>     window size and position, e.g. 1920x1080+1920+0 (picks the monitor of a wall)
  --log <file>             also append the event log to this file (stdout always gets it)
  --heartbeat-ms <ms>      probe the page this often; an unanswered probe is a miss (default ${DEFAULT_HEARTBEAT_MS})
  --heartbeat-misses <n>   misses in a row that count as a hung page (default ${DEFAULT_HEARTBEAT_MISSES})
  --chromium <path>        browser binary (default $CHROMIUM_PATH or ${DEFAULT_CHROMIUM_PATH})
  --user-data-dir <dir>    browser profile, one per screen (default: a fresh temporary profile)
  --headless               no window at all (tests and CI)
  --chromium-arg=<flag>    one more Chromium flag, repeatable, e.g. --chromium-arg=--no-sandbox
  -h, --help               this text

A crashed tab is reloaded; a hung tab (no answer to N probes in a row) is reloaded, then replaced,
then the browser is restarted; a browser that exits is restarted after 1 s, 2 s, 4 s … at most 60 s.
SIGTERM or SIGINT closes the browser and exits 0. See docs/supervisor.md.`;

/** Flags the supervisor sets itself; passing them again would break discovery or the profile. */
const RESERVED_FLAGS = ['--remote-debugging-port', '--remote-debugging-pipe', '--user-data-dir', '--app', '--kiosk', '--headless'];

function int(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${v}"`);
  return n;
}

/** X11-style geometry as window managers write it: `WxH`, `WxH+X+Y`, offsets may be negative (`+-1080`). */
export function parseWindowGeometry(text: string): WindowGeometry {
  const m = /^(\d{2,5})x(\d{2,5})(?:\+(-?\d{1,5})\+(-?\d{1,5}))?$/.exec(text.trim());
  if (!m) throw new Error(`--window must look like 1920x1080 or 1920x1080+0+0, got "${text}"`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width < 64 || height < 64) throw new Error(`--window: ${width}x${height} is too small (at least 64x64)`);
  return { width, height, x: m[3] === undefined ? null : Number(m[3]), y: m[4] === undefined ? null : Number(m[4]) };
}

function parseUrl(text: string | undefined): string {
  if (text === undefined || text.trim() === '') throw new Error('--url is required, e.g. --url "https://ops.example/?mode=screen&zone=jiading"');
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`--url: "${text}" is not an absolute URL`);
  }
  if (!['http:', 'https:', 'file:'].includes(u.protocol)) throw new Error(`--url: scheme ${u.protocol} is not supported (http, https or file)`);
  return u.href;
}

function parseChromiumArgs(list: string[]): string[] {
  for (const a of list) {
    if (!a.startsWith('--')) throw new Error(`--chromium-arg: "${a}" is not a flag (write --chromium-arg=--some-flag)`);
    const name = a.split('=')[0]!;
    if (RESERVED_FLAGS.includes(name)) throw new Error(`--chromium-arg: ${name} is set by the supervisor; use its own option instead`);
  }
  return list;
}

export function parseScreenArgs(argv: string[], env: Record<string, string | undefined> = {}): ScreenOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      url: { type: 'string' }, kiosk: { type: 'boolean' }, window: { type: 'string' }, log: { type: 'string' },
      'heartbeat-ms': { type: 'string' }, 'heartbeat-misses': { type: 'string' }, chromium: { type: 'string' },
      'user-data-dir': { type: 'string' }, headless: { type: 'boolean' }, 'chromium-arg': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const chromiumPath = values.chromium ?? (env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH);
  if (chromiumPath.trim() === '') throw new Error('--chromium: empty path');
  const logFile = values.log ?? null;
  if (logFile !== null && logFile.trim() === '') throw new Error('--log: empty path');
  const userDataDir = values['user-data-dir'] ?? null;
  if (userDataDir !== null && userDataDir.trim() === '') throw new Error('--user-data-dir: empty path');
  return {
    url: parseUrl(values.url),
    kiosk: values.kiosk ?? false,
    window: values.window === undefined ? null : parseWindowGeometry(values.window),
    logFile,
    heartbeatMs: int('heartbeat-ms', values['heartbeat-ms'], DEFAULT_HEARTBEAT_MS, 100, 600_000),
    heartbeatMisses: int('heartbeat-misses', values['heartbeat-misses'], DEFAULT_HEARTBEAT_MISSES, 1, 100),
    chromiumPath,
    userDataDir,
    headless: values.headless ?? false,
    chromiumArgs: parseChromiumArgs(values['chromium-arg'] ?? []),
  };
}

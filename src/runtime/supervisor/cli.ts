/**
 * `npm run screen` (tsx src/runtime/supervisor/cli.ts): keeps a wall screen's or kiosk's browser
 * showing the viewer. Exits 2 on bad flags, a missing browser or an unwritable log; 0 after
 * SIGTERM/SIGINT has closed the browser.
 */
import { accessSync, appendFileSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScreenArgs, USAGE, type ScreenOptions } from './args';
import { createEventLog } from './eventLog';
import { Supervisor } from './Supervisor';

function fail(message: string): never {
  process.stderr.write(`[screen] ${message}\n`);
  process.exit(2);
}

function parse(): ScreenOptions {
  try {
    const o = parseScreenArgs(process.argv.slice(2), process.env);
    if (o === 'help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    return o;
  } catch (e) {
    process.stderr.write(`[screen] ${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

const options = parse();
try {
  accessSync(options.chromiumPath, constants.X_OK);
} catch {
  fail(`${options.chromiumPath} is not an executable browser (install Debian's chromium, or pass --chromium <path>)`);
}

const logFile = options.logFile;
let fileBroken = false;
const write = (line: string) => {
  process.stdout.write(`${line}\n`);
  if (logFile === null) return;
  try {
    // Opened per line: logrotate can move the file without a copytruncate or a signal.
    appendFileSync(logFile, `${line}\n`);
    fileBroken = false;
  } catch (e) {
    // A full disk must not take the screen down with it; say so once per outage.
    if (!fileBroken) process.stderr.write(`[screen] cannot append to ${logFile}: ${(e as Error).message}\n`);
    fileBroken = true;
  }
};
if (logFile !== null) {
  try {
    appendFileSync(logFile, '');
  } catch (e) {
    fail(`--log ${logFile}: ${(e as Error).message}`);
  }
}

let tempProfile: string | null = null;
let userDataDir: string;
if (options.userDataDir !== null) {
  userDataDir = options.userDataDir;
  try {
    mkdirSync(userDataDir, { recursive: true });
  } catch (e) {
    fail(`--user-data-dir ${userDataDir}: ${(e as Error).message}`);
  }
} else {
  tempProfile = mkdtempSync(join(tmpdir(), 'shentwin-screen-'));
  userDataDir = tempProfile;
}

const log = createEventLog(write);
const supervisor = new Supervisor({ options, userDataDir, log });

const removeTempProfile = () => {
  if (tempProfile !== null) rmSync(tempProfile, { recursive: true, force: true });
  tempProfile = null;
};

let stopping = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  // The browser gets 5 s to close and 2 s more after SIGTERM; past that, something is wedged.
  const force = setTimeout(() => {
    supervisor.killNow();
    removeTempProfile();
    process.exit(1);
  }, 15_000);
  force.unref();
  void supervisor.stop(signal).then(() => {
    removeTempProfile();
    process.exit(0);
  });
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// A closed terminal would otherwise end the supervisor and leave its (detached) browser behind.
process.on('SIGHUP', () => shutdown('SIGHUP'));
process.on('exit', () => supervisor.killNow());
process.on('uncaughtException', (e) => {
  log.emit('supervisor-error', { error: e.stack ?? e.message });
  supervisor.killNow();
  removeTempProfile();
  process.exit(1);
});

void supervisor.start();

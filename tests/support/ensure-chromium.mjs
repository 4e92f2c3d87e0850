// Browser tests drive Debian's Chromium through playwright-core. Install it when missing so that
// the README's test command passes on a fresh Debian machine (run as root); never download a
// browser build from a test tool.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const BIN = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(BIN)) {
  process.exit(0);
}
console.log(`[ensure-chromium] ${BIN} not found; installing Debian's chromium package…`);
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
try {
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' });
  execSync(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk`, { stdio: 'inherit' });
} catch (e) {
  console.error('[ensure-chromium] could not install chromium with apt-get:', e.message);
  process.exit(1);
}
if (!existsSync(BIN)) {
  console.error(`[ensure-chromium] apt-get finished but ${BIN} is still missing`);
  process.exit(1);
}

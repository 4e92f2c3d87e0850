// The TLS integration test (tests/integration/tls-nginx.test.ts) runs Debian's nginx in front of the
// feed server. Install it when missing so that the README's test command passes on a fresh Debian
// machine, the same way ensure-chromium.mjs does for the browser tests.
//
// The package's postinst starts the system nginx service on port 80. A test machine must not gain
// a running web server as a side effect, so during the install a policy-rc.d that answers 101
// ("action forbidden", see /usr/share/doc/init-system-helpers/README.policy-rc.d) makes
// invoke-rc.d skip the start. Any policy-rc.d that was already there is put back afterwards.
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const BIN = process.env.NGINX_PATH || '/usr/sbin/nginx';
if (existsSync(BIN)) {
  process.exit(0);
}

const POLICY = '/usr/sbin/policy-rc.d';
const BACKUP = `${POLICY}.ensure-nginx-backup`;
// Lets a later run recognise a policy left behind by a run that was killed mid-install.
const MARKER = '# written by shentwin tests/support/ensure-nginx.mjs';
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
// Wait for another apt/dpkg run (an unattended upgrade, a second installer) instead of failing.
const LOCK_WAIT = '-o DPkg::Lock::Timeout=300';
const sh = (cmd) => execSync(cmd, { stdio: 'inherit' });
const quiet = (cmd) => {
  try {
    execSync(cmd, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

function isOurs(path) {
  try {
    return readFileSync(path, 'utf8').includes(MARKER);
  } catch {
    return false;
  }
}

function installPolicy() {
  if (isOurs(POLICY)) return; // leftover from a killed run; its BACKUP (if any) is still the original
  if (existsSync(POLICY)) sh(`${sudo}mv -f ${POLICY} ${BACKUP}`);
  const dir = mkdtempSync(join(tmpdir(), 'ensure-nginx-'));
  try {
    const tmp = join(dir, 'policy-rc.d');
    writeFileSync(tmp, `#!/bin/sh\n${MARKER}\nexit 101\n`);
    sh(`${sudo}install -m 0755 ${tmp} ${POLICY}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function restorePolicy() {
  if (isOurs(POLICY)) sh(`${sudo}rm -f ${POLICY}`);
  if (existsSync(BACKUP) && !existsSync(POLICY)) sh(`${sudo}mv -f ${BACKUP} ${POLICY}`);
}

/** nginx-light is the smallest build with ssl, proxy and map; later Debian releases fold it into nginx. */
function packageName() {
  return quiet('apt-cache show --no-all-versions nginx-light') ? 'nginx-light' : 'nginx';
}

console.log(`[ensure-nginx] ${BIN} not found; installing Debian's nginx…`);
let failed = null;
try {
  sh(`${sudo}apt-get ${LOCK_WAIT} update -qq`);
  const pkg = packageName();
  installPolicy();
  sh(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get ${LOCK_WAIT} install -y -qq --no-install-recommends ${pkg}`);
} catch (e) {
  failed = e;
} finally {
  try {
    restorePolicy();
  } catch (e) {
    console.error(`[ensure-nginx] could not restore ${POLICY} (backup: ${BACKUP}):`, e.message);
    failed ??= e;
  }
}
if (failed) {
  console.error('[ensure-nginx] could not install nginx with apt-get:', failed.message);
  process.exit(1);
}
if (!existsSync(BIN)) {
  console.error(`[ensure-nginx] apt-get finished but ${BIN} is still missing`);
  process.exit(1);
}
// The system service must not be running after the install (the test starts its own nginx).
if (existsSync('/run/nginx.pid')) {
  console.error('[ensure-nginx] warning: /run/nginx.pid exists; the system nginx service was started by someone');
}

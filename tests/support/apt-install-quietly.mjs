// Installs Debian packages for the test command without starting the services they bring (nginx on
// :80, PostgreSQL's "main" cluster on :5432): a test machine must not gain a running server as a
// side effect. During the install a policy-rc.d that answers 101 ("action forbidden", see
// /usr/share/doc/init-system-helpers/README.policy-rc.d) makes invoke-rc.d skip every start; any
// policy-rc.d that was already there is moved aside and put back afterwards, byte for byte (mv keeps
// the file itself: bytes, mode, owner). Used by ensure-nginx.mjs and ensure-postgres.mjs.
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const POLICY = '/usr/sbin/policy-rc.d';
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
// Wait for another apt/dpkg run (an unattended upgrade, a second installer) instead of failing.
const LOCK_WAIT = '-o DPkg::Lock::Timeout=300';
const sh = (cmd) => execSync(cmd, { stdio: 'inherit' });

/** True when apt knows a package of that name (for choosing between package names). */
export function aptHas(pkg) {
  try {
    execSync(`apt-cache show --no-all-versions ${pkg}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * `apt-get install` of `packages` with service starts forbidden; `tag` names the caller in logs and
 * in the marker that lets a later run recognise a policy left behind by a run killed mid-install.
 * Throws when the install or the restore fails.
 */
export function aptInstallQuietly(tag, packages) {
  const backup = `${POLICY}.${tag}-backup`;
  const marker = `# written by shentwin tests/support/${tag}.mjs`;
  const isOurs = () => {
    try {
      return readFileSync(POLICY, 'utf8').includes(marker);
    } catch {
      return false;
    }
  };
  let failed = null;
  try {
    sh(`${sudo}apt-get ${LOCK_WAIT} update -qq`);
    if (!isOurs()) {
      if (existsSync(POLICY)) sh(`${sudo}mv -f ${POLICY} ${backup}`);
      const dir = mkdtempSync(join(tmpdir(), `${tag}-`));
      try {
        const tmp = join(dir, 'policy-rc.d');
        writeFileSync(tmp, `#!/bin/sh\n${marker}\nexit 101\n`);
        sh(`${sudo}install -m 0755 ${tmp} ${POLICY}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    sh(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get ${LOCK_WAIT} install -y -qq --no-install-recommends ${packages.join(' ')}`);
  } catch (e) {
    failed = e;
  } finally {
    try {
      if (isOurs()) sh(`${sudo}rm -f ${POLICY}`);
      if (existsSync(backup) && !existsSync(POLICY)) sh(`${sudo}mv -f ${backup} ${POLICY}`);
    } catch (e) {
      console.error(`[${tag}] could not restore ${POLICY} (backup: ${backup}):`, e.message);
      failed ??= e;
    }
  }
  if (failed) throw failed;
}

/**
 * Builds go to a staging directory beside the target and are swapped in with renames, so a
 * running dev server sees either the old zone or the new one, and an interrupted build leaves
 * the previous output (with its own, now stale, hash) untouched.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export function stagingDirFor(outRoot: string, zoneId: string): string {
  return join(outRoot, `.${zoneId}.staging`);
}

export async function publishZoneDir(stagingDir: string, outRoot: string, zoneId: string): Promise<string> {
  const target = join(outRoot, zoneId);
  const old = join(outRoot, `.${zoneId}.old`);
  await rm(old, { recursive: true, force: true });
  try {
    await rename(target, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await rename(stagingDir, target);
  await rm(old, { recursive: true, force: true });
  return target;
}

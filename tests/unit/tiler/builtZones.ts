/**
 * The shipped zones as `npm run tiles` writes them. A zone whose public/tiles/<zone>/ build hash
 * matches the current sources is read from there (no rebuild); otherwise it is built from the
 * committed sources into a temp directory, exactly as the CLI would.
 */
import { join, resolve } from 'node:path';
import { isZoneUpToDate, zoneBuildHash } from '../../../src/tiler/buildHash';
import { loadZoneInput } from '../../../src/tiler/zones';
import { buildZoneInTemp } from './tilerSupport';

export const REPO_ROOT = resolve(__dirname, '../../..');

/** Directory holding one zone's built output (buildings/, ground/, plan/, schemes/). */
export async function builtZoneDir(zoneId: string, prefix: string): Promise<string> {
  const published = join(REPO_ROOT, 'public', 'tiles', zoneId);
  if (await isZoneUpToDate(published, await zoneBuildHash(REPO_ROOT, zoneId))) return published;
  return (await buildZoneInTemp(await loadZoneInput(zoneId, REPO_ROOT), `${prefix}-${zoneId}`)).dir;
}

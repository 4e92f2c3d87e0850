/**
 * Every glb of every shipped zone, built from the committed sources exactly as `npm run tiles`
 * builds them, passes the Khronos glTF validator with 0 errors and 0 warnings. The synthetic-zone
 * test covers the writer's features; this one covers the real data (OSM footprints with odd
 * rings, thousands of generated buildings, the signature BIM models, the planning schemes).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones';
import { buildZoneInTemp, listFilesRecursive, validateGlb } from './tilerSupport';

const ACCEPTED_NOTICES = new Set(['UNSUPPORTED_EXTENSION', 'UNUSED_OBJECT']);
const REPO_ROOT = resolve(__dirname, '../../..');

describe('shipped zones validate', () => {
  for (const zoneId of ZONE_IDS) {
    it(`${zoneId}: every glb has 0 validator errors and warnings`, async () => {
      const { dir, summary } = await buildZoneInTemp(await loadZoneInput(zoneId, REPO_ROOT), `valid-${zoneId}`);
      const glbs = (await listFilesRecursive(dir)).filter((f) => f.endsWith('.glb'));
      expect(glbs.length).toBeGreaterThan(10);
      // The shipped planning schemes' own tilesets are validated with the rest.
      expect(glbs.some((f) => f.includes('/schemes/'))).toBe(true);
      expect(summary).toBeTruthy();
      for (const f of glbs) {
        const r = await validateGlb(new Uint8Array(await readFile(f)));
        expect(r.errors, f).toBe(0);
        expect(r.warnings, f).toBe(0);
        for (const code of Object.keys(r.codes)) expect(ACCEPTED_NOTICES.has(code), `${f}: ${code}`).toBe(true);
      }
    }, 180_000);
  }
});

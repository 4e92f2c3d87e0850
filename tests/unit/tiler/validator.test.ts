import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticZone } from './syntheticZone';
import { buildZoneInTemp, listFilesRecursive, readPrimitives, validateGlb } from './tilerSupport';

/** Notices the Khronos validator raises for what it does not understand; anything else fails. */
const ACCEPTED_NOTICES = new Set(['UNSUPPORTED_EXTENSION', 'UNUSED_OBJECT']);

let glbs: string[] = [];

beforeAll(async () => {
  const { dir } = await buildZoneInTemp(syntheticZone(), 'validator');
  glbs = (await listFilesRecursive(dir)).filter((f) => f.endsWith('.glb'));
});

describe('Khronos glTF validator', () => {
  it('passes every GLB of a synthetic zone with 0 errors and 0 warnings', async () => {
    expect(glbs.length).toBeGreaterThanOrEqual(10);
    const notices: Record<string, number> = {};
    for (const f of glbs) {
      const r = await validateGlb(new Uint8Array(await readFile(f)));
      expect(r.errors, f).toBe(0);
      expect(r.warnings, f).toBe(0);
      for (const [code, n] of Object.entries(r.codes)) {
        expect(ACCEPTED_NOTICES.has(code), `${f}: ${code}`).toBe(true);
        notices[code] = (notices[code] ?? 0) + n;
      }
    }
    // Reported, not failed: the validator cannot read EXT_* and so sees property-table views as unused.
    console.info(`validator notices over ${glbs.length} GLBs: ${JSON.stringify(notices)}`);
  });

  it('winds every triangle so its face normal agrees with its vertex normals', async () => {
    let checked = 0;
    for (const f of glbs) {
      for (const p of await readPrimitives(new Uint8Array(await readFile(f)))) {
        if (p.mode !== 4 || !p.normals) continue;
        let bad = 0;
        const v = (i: number, k: number): number => p.enu[3 * i + k]!;
        for (let t = 0; t < p.indices.length; t += 3) {
          const [a, b, c] = [p.indices[t]!, p.indices[t + 1]!, p.indices[t + 2]!];
          const ux = v(b, 0) - v(a, 0), uy = v(b, 1) - v(a, 1), uz = v(b, 2) - v(a, 2);
          const wx = v(c, 0) - v(a, 0), wy = v(c, 1) - v(a, 1), wz = v(c, 2) - v(a, 2);
          const nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
          if (Math.hypot(nx, ny, nz) < 1e-6) continue;
          // Counter-clockwise front faces: the face normal must point the way the shading normal does.
          const dot = nx * p.normals[3 * a]! + ny * p.normals[3 * a + 1]! + nz * p.normals[3 * a + 2]!;
          if (dot <= 0) bad++;
          checked++;
        }
        expect(bad, `${f} ${p.role}`).toBe(0);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

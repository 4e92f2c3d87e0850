/**
 * EXT_structural_metadata conformance of every STRING column in every built glb of the three
 * shipped zones (buildings, ground, scheme tilesets): offsets start at 0, never decrease, and the
 * last one equals the byte length of the values buffer view, as the spec requires. Before the fix,
 * all-empty columns (osmId of generated buildings) ended at 0 over a 1-byte view in 137 of 167 tiles.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZONE_IDS } from '../../../src/tiler/zones';
import { builtZoneDir } from './builtZones';
import { listFilesRecursive, parseGlb } from './tilerSupport';

const OFFSET_BYTES = { UINT8: 1, UINT16: 2, UINT32: 4 } as const;
type OffsetType = keyof typeof OFFSET_BYTES;

function readOffset(view: DataView, i: number, type: OffsetType): number {
  const at = i * OFFSET_BYTES[type];
  return type === 'UINT8' ? view.getUint8(at) : type === 'UINT16' ? view.getUint16(at, true) : view.getUint32(at, true);
}

/** Problems of one glb's STRING columns, as readable strings; empty when conformant. */
function stringColumnProblems(bytes: Uint8Array): { problems: string[]; columns: number } {
  const { json, bin } = parseGlb(bytes);
  const meta = json.extensions?.EXT_structural_metadata;
  const problems: string[] = [];
  let columns = 0;
  for (const [t, table] of (meta?.propertyTables ?? []).entries()) {
    const cls = meta.schema.classes[table.class];
    for (const [name, def] of Object.entries<any>(cls.properties)) {
      if (!(name in table.properties) && def.required) problems.push(`table ${t}: required "${name}" missing`);
    }
    for (const [name, p] of Object.entries<any>(table.properties)) {
      if (cls.properties[name].type !== 'STRING') continue;
      columns++;
      const type: OffsetType = p.stringOffsetType ?? 'UINT32';
      const ov = json.bufferViews[p.stringOffsets];
      const values = json.bufferViews[p.values];
      const view = new DataView(bin.buffer, bin.byteOffset + (ov.byteOffset ?? 0), ov.byteLength);
      if (ov.byteLength < (table.count + 1) * OFFSET_BYTES[type]) problems.push(`${name}: offsets view too short`);
      const offsets = Array.from({ length: table.count + 1 }, (_, i) => readOffset(view, i, type));
      if (offsets[0] !== 0) problems.push(`${name}: first offset ${offsets[0]}`);
      const back = offsets.findIndex((o, i) => i > 0 && o < offsets[i - 1]!);
      if (back >= 0) problems.push(`${name}: offset ${back} decreases`);
      const last = offsets[table.count]!;
      if (last !== values.byteLength) problems.push(`${name}: last offset ${last} ≠ values byteLength ${values.byteLength}`);
    }
  }
  return { problems, columns };
}

const dirs = new Map<string, string>();

beforeAll(async () => {
  for (const zoneId of ZONE_IDS) dirs.set(zoneId, await builtZoneDir(zoneId, 'offsets'));
}, 240_000);

describe('EXT_structural_metadata STRING columns of the shipped zones', () => {
  for (const zoneId of ZONE_IDS) {
    it(`${zoneId}: every STRING column ends at its values view length, offsets monotonic`, async () => {
      const glbs = (await listFilesRecursive(dirs.get(zoneId)!)).filter((f) => f.endsWith('.glb'));
      expect(glbs.length).toBeGreaterThan(10);
      expect(glbs.some((f) => f.includes('/schemes/'))).toBe(true);
      const bad: string[] = [];
      let columns = 0;
      for (const f of glbs) {
        const r = stringColumnProblems(new Uint8Array(await readFile(f)));
        columns += r.columns;
        for (const p of r.problems) bad.push(`${f}: ${p}`);
      }
      expect(bad).toEqual([]);
      expect(columns).toBeGreaterThan(glbs.length * 3);
    });
  }
});

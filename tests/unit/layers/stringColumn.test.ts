import { describe, expect, it } from 'vitest';
import { readStringColumn, type ColumnTableLike } from '../../../src/layers/buildings/stringColumn';

/** A property table shaped like 3d-tiles-renderer's accessor: bufferView index → ArrayBuffer. */
function table(values: string[], opts: { offsetType?: string; offsets?: number[]; noData?: unknown; array?: boolean } = {}): ColumnTableLike {
  const enc = new TextEncoder();
  const parts = values.map((v) => enc.encode(v));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  const offsets = [0];
  for (const p of parts) {
    bytes.set(p, offsets.at(-1)!);
    offsets.push(offsets.at(-1)! + p.length);
  }
  const off = opts.offsets ?? offsets;
  const offsetBuf = opts.offsetType === 'UINT16' ? new Uint16Array(off).buffer : opts.offsetType === 'UINT8' ? new Uint8Array(off).buffer : new Uint32Array(off).buffer;
  return {
    count: values.length,
    definition: { properties: { id: {} } },
    properties: { id: { type: 'STRING', array: opts.array ?? false, noData: opts.noData ?? null, values: 0, stringOffsets: 1, stringOffsetType: opts.offsetType ?? 'UINT32' } },
    data: [bytes.buffer, offsetBuf],
  };
}

describe('readStringColumn', () => {
  it('reads ASCII and non-ASCII columns, empty values included, with each offset width', () => {
    expect(readStringColumn(table(['osm:way/1', '', 'gen:x:2']), 'id')).toEqual(['osm:way/1', '', 'gen:x:2']);
    expect(readStringColumn(table(['四合院', 'a', '长阳秀带']), 'id')).toEqual(['四合院', 'a', '长阳秀带']);
    expect(readStringColumn(table(['ab', 'c'], { offsetType: 'UINT16' }), 'id')).toEqual(['ab', 'c']);
    expect(readStringColumn(table(['ab', 'c'], { offsetType: 'UINT8' }), 'id')).toEqual(['ab', 'c']);
    expect(readStringColumn(table([]), 'id')).toEqual([]);
  });

  it('declines what it cannot read exactly, so the caller reads row by row', () => {
    expect(readStringColumn(table(['a', 'b'], { offsetType: 'UINT64' }), 'id')).toBeNull();
    expect(readStringColumn(table(['a', 'b'], { noData: 'x' }), 'id')).toBeNull();
    expect(readStringColumn(table(['a', 'b'], { array: true }), 'id')).toBeNull();
    // Offsets past the buffer, decreasing offsets, too few offsets.
    expect(readStringColumn(table(['a', 'b'], { offsets: [0, 1, 9] }), 'id')).toBeNull();
    expect(readStringColumn(table(['a', 'b'], { offsets: [0, 2, 1] }), 'id')).toBeNull();
    expect(readStringColumn(table(['a', 'b'], { offsets: [0, 1] }), 'id')).toBeNull();
    expect(readStringColumn({ ...table(['a']), data: null }, 'id')).toBeNull();
    expect(readStringColumn({ ...table(['a']), definition: { properties: {} } }, 'id')).toBeNull();
  });
});

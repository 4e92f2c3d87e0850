import { describe, expect, it } from 'vitest';
import { parseTilerArgs } from '../../../src/tiler/cliArgs';
import { checkTableAgainstSchema, decodeColumn, encodeColumn, omitEmptyStringColumns, type MetadataSchema } from '../../../src/tiler/gltf/propertyTable';
import { aabbToBox } from '../../../src/tiler/tileset/tilesetJson';

describe('property table encoding', () => {
  it('round-trips UTF-8 strings through values + UINT32 offsets', () => {
    const values = ['同济大学', '', 'Tongji', '129礼堂'];
    const enc = encodeColumn('name', { type: 'STRING', values }, values.length);
    expect(enc.stringOffsets!.byteLength).toBe(4 * (values.length + 1));
    const dec = decodeColumn({ type: 'STRING' }, values.length, enc.values, enc.stringOffsets);
    expect(dec.values).toEqual(values);
  });

  it('refuses a column of only empty strings, which has no valid encoding, and omits it from tables', () => {
    // The last offset would be 0 while glTF needs a non-empty values view: 3D Tiles validators reject that.
    expect(() => encodeColumn('osmId', { type: 'STRING', values: ['', ''] }, 2)).toThrow(/empty/);
    const table = omitEmptyStringColumns({
      class: 'c',
      count: 2,
      columns: { id: { type: 'STRING', values: ['a', 'b'] }, osmId: { type: 'STRING', values: ['', ''] }, name: { type: 'STRING', values: ['', 'x'] } },
    });
    expect(Object.keys(table.columns)).toEqual(['id', 'name']);
    const enc = encodeColumn('name', table.columns.name!, 2);
    expect(new DataView(enc.stringOffsets!.buffer).getUint32(8, true)).toBe(enc.values.byteLength);
  });

  it('packs FLOAT32 and UINT16 little-endian and refuses values that do not fit', () => {
    const f = encodeColumn('h', { type: 'SCALAR', componentType: 'FLOAT32', values: [12.5, 80] }, 2);
    expect(new Float32Array(f.values.buffer)).toEqual(new Float32Array([12.5, 80]));
    const u = encodeColumn('n', { type: 'SCALAR', componentType: 'UINT16', values: [3, 65535] }, 2);
    expect(u.values.byteLength).toBe(4);
    expect(() => encodeColumn('n', { type: 'SCALAR', componentType: 'UINT16', values: [70000] }, 1)).toThrow(/UINT16/);
    expect(() => encodeColumn('h', { type: 'SCALAR', componentType: 'FLOAT32', values: [Number.NaN] }, 1)).toThrow(/finite/);
    expect(() => encodeColumn('h', { type: 'STRING', values: ['a'] }, 2)).toThrow(/rows/);
  });

  it('checks tables against their class', () => {
    const schema: MetadataSchema = { id: 's', classes: { c: { properties: { a: { type: 'STRING', required: true } } } } };
    expect(() => checkTableAgainstSchema(schema, { class: 'c', count: 1, columns: { a: { type: 'STRING', values: ['x'] } } })).not.toThrow();
    expect(() => checkTableAgainstSchema(schema, { class: 'c', count: 1, columns: {} })).toThrow(/required/);
    expect(() => checkTableAgainstSchema(schema, { class: 'd', count: 1, columns: {} })).toThrow(/unknown class/);
  });
});

describe('tileset boxes', () => {
  it('rounds centres to millimetres and grows half-axes to still cover the input', () => {
    const box = aabbToBox({ min: [0.0004, -10.00049, 0], max: [100.0006, 10.0001, 0.1] });
    const [cx, cy, cz, hx, , , , hy, , , , hz] = box as number[] as [number, number, number, number, 0, 0, 0, number, 0, 0, 0, number];
    expect(cx - hx).toBeLessThanOrEqual(0.0004);
    expect(cx + hx).toBeGreaterThanOrEqual(100.0006);
    expect(cy - hy).toBeLessThanOrEqual(-10.00049);
    expect(cy + hy).toBeGreaterThanOrEqual(10.0001);
    expect(hz).toBe(0.5);
    expect(cz).toBe(0.05);
  });
});

describe('tiler CLI arguments', () => {
  it('parses zones, output root and force', () => {
    expect(parseTilerArgs(['--zone', 'yangpu', '--zone=jiading', '--out', '/tmp/t', '--force'])).toEqual({
      zones: ['yangpu', 'jiading'], out: '/tmp/t', force: true, compress: true, citySizeM: null, help: false,
    });
    expect(parseTilerArgs([])).toEqual({ zones: [], out: null, force: false, compress: true, citySizeM: null, help: false });
    expect(parseTilerArgs(['--no-compress']).compress).toBe(false);
    expect(() => parseTilerArgs(['--zone'])).toThrow(/needs a value/);
    expect(() => parseTilerArgs(['--bogus'])).toThrow(/unknown argument/);
  });
});

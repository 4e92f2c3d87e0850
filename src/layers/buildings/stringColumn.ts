/**
 * Reads a whole STRING column of an EXT_structural_metadata property table at once.
 *
 * 3d-tiles-renderer's `PropertyTableAccessor.getPropertyValue` reads one row at a time and, for
 * each row, builds new typed-array views of the buffers and a new TextDecoder. Reading the
 * building ids of a tile that way was the largest main-thread cost of a tile arriving (about
 * 30 ms for Jiading's two overview tiles, on the path to the first settled picture). Here the
 * offsets are viewed once and an all-ASCII value buffer (ids always are) is decoded in one call.
 *
 * The accessor's fields are the library's own, not a published API, so every field is checked
 * and anything unexpected returns null: the caller then reads row by row as before.
 */

/** The shape of 3d-tiles-renderer's property-table accessor that this reader relies on. */
interface StringPropertyLike {
  type?: unknown;
  array?: unknown;
  noData?: unknown;
  values?: unknown;
  stringOffsets?: unknown;
  stringOffsetType?: unknown;
}

export interface ColumnTableLike {
  count: number;
  properties?: Record<string, StringPropertyLike | undefined> | null;
  definition?: { properties?: Record<string, unknown> } | null;
  data?: unknown;
}

type OffsetArray = Uint8Array | Uint16Array | Uint32Array;

function offsetsOf(buffer: ArrayBuffer, type: unknown): OffsetArray | null {
  // UINT64 offsets would need BigInt reads; the tiler writes UINT32 and this falls back for the rest.
  if (type === 'UINT32') return buffer.byteLength % 4 === 0 ? new Uint32Array(buffer) : null;
  if (type === 'UINT16') return buffer.byteLength % 2 === 0 ? new Uint16Array(buffer) : null;
  if (type === 'UINT8') return new Uint8Array(buffer);
  return null;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

const decoder = new TextDecoder();

/**
 * Every row's value of a non-array STRING property, or null when the column cannot be read this
 * way (another type, an array property, a no-data value, a missing or malformed buffer).
 * Returns the same strings `getPropertyValue(name, row)` would.
 */
export function readStringColumn(table: ColumnTableLike, name: string): string[] | null {
  const p = table.properties?.[name];
  if (!p || !table.definition?.properties?.[name]) return null;
  if (p.type !== 'STRING' || p.array || (p.noData !== null && p.noData !== undefined)) return null;
  const data = table.data as Record<number, unknown> | null | undefined;
  if (!data || typeof p.values !== 'number' || typeof p.stringOffsets !== 'number') return null;
  const valuesBuf = data[p.values];
  const offsetsBuf = data[p.stringOffsets];
  if (!(valuesBuf instanceof ArrayBuffer) || !(offsetsBuf instanceof ArrayBuffer)) return null;
  const offsets = offsetsOf(offsetsBuf, p.stringOffsetType);
  const count = table.count;
  if (!offsets || !Number.isInteger(count) || count < 0 || offsets.length < count + 1) return null;
  const bytes = new Uint8Array(valuesBuf);
  for (let i = 0; i < count; i++) {
    if (offsets[i]! > offsets[i + 1]! || offsets[i + 1]! > bytes.length) return null;
  }
  const out = new Array<string>(count);
  if (isAscii(bytes)) {
    // One byte per character, so byte offsets are string offsets.
    const all = decoder.decode(bytes);
    for (let i = 0; i < count; i++) out[i] = all.slice(offsets[i]!, offsets[i + 1]!);
  } else {
    for (let i = 0; i < count; i++) out[i] = decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
  }
  return out;
}

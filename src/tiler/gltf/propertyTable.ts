/**
 * Binary layout of EXT_structural_metadata property tables (one column per class property):
 * numeric columns are packed little-endian arrays, strings are concatenated UTF-8 plus a UINT32
 * offsets array of count + 1 entries. Pure: bytes in, bytes out, shared by writer, reader and tests.
 */
export type ScalarComponentType = 'INT8' | 'UINT8' | 'INT16' | 'UINT16' | 'INT32' | 'UINT32' | 'FLOAT32' | 'FLOAT64';

export type PropertyColumn =
  | { type: 'STRING'; values: readonly string[] }
  | { type: 'SCALAR'; componentType: ScalarComponentType; values: ArrayLike<number> };

export type ClassPropertyDef = {
  type: 'STRING' | 'SCALAR';
  componentType?: ScalarComponentType;
  name?: string;
  description?: string;
  required?: boolean;
};

export type MetadataClass = {
  name?: string;
  description?: string;
  properties: Record<string, ClassPropertyDef>;
};

export type MetadataSchema = {
  id: string;
  name?: string;
  description?: string;
  classes: Record<string, MetadataClass>;
};

export type PropertyTableData = {
  name?: string;
  class: string;
  count: number;
  /** Insertion order is the order written, so output stays byte-stable. */
  columns: Record<string, PropertyColumn>;
};

export type EncodedColumn = {
  values: Uint8Array;
  stringOffsets?: Uint8Array;
};

const COMPONENT_BYTES: Record<ScalarComponentType, number> = {
  INT8: 1, UINT8: 1, INT16: 2, UINT16: 2, INT32: 4, UINT32: 4, FLOAT32: 4, FLOAT64: 8,
};

const RANGES: Partial<Record<ScalarComponentType, [number, number]>> = {
  INT8: [-128, 127], UINT8: [0, 255], INT16: [-32768, 32767], UINT16: [0, 65535],
  INT32: [-2147483648, 2147483647], UINT32: [0, 4294967295],
};

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

function writeScalar(view: DataView, offset: number, type: ScalarComponentType, v: number): void {
  switch (type) {
    case 'INT8': view.setInt8(offset, v); break;
    case 'UINT8': view.setUint8(offset, v); break;
    case 'INT16': view.setInt16(offset, v, true); break;
    case 'UINT16': view.setUint16(offset, v, true); break;
    case 'INT32': view.setInt32(offset, v, true); break;
    case 'UINT32': view.setUint32(offset, v, true); break;
    case 'FLOAT32': view.setFloat32(offset, v, true); break;
    case 'FLOAT64': view.setFloat64(offset, v, true); break;
  }
}

function readScalar(view: DataView, offset: number, type: ScalarComponentType): number {
  switch (type) {
    case 'INT8': return view.getInt8(offset);
    case 'UINT8': return view.getUint8(offset);
    case 'INT16': return view.getInt16(offset, true);
    case 'UINT16': return view.getUint16(offset, true);
    case 'INT32': return view.getInt32(offset, true);
    case 'UINT32': return view.getUint32(offset, true);
    case 'FLOAT32': return view.getFloat32(offset, true);
    case 'FLOAT64': return view.getFloat64(offset, true);
  }
}

/** Encodes one column. Integers are range-checked and floats must be finite: bad metadata is a bug, not data. */
export function encodeColumn(name: string, column: PropertyColumn, count: number): EncodedColumn {
  if (column.values.length !== count) {
    throw new Error(`property "${name}": ${column.values.length} values for a table of ${count} rows`);
  }
  if (column.type === 'STRING') {
    const parts = column.values.map((s) => utf8.encode(s));
    const total = parts.reduce((n, p) => n + p.byteLength, 0);
    // glTF forbids empty buffer views, and the last offset must equal the values view's length, so
    // no valid encoding exists for all-empty strings: such a column is left out (omitEmptyStringColumns).
    if (total === 0) throw new Error(`property "${name}": every value is empty; leave the column out of the table`);
    const values = new Uint8Array(total);
    const offsets = new Uint8Array(4 * (count + 1));
    const ov = new DataView(offsets.buffer);
    let at = 0;
    parts.forEach((p, i) => {
      ov.setUint32(4 * i, at, true);
      values.set(p, at);
      at += p.byteLength;
    });
    ov.setUint32(4 * count, at, true);
    return { values, stringOffsets: offsets };
  }
  const size = COMPONENT_BYTES[column.componentType];
  const values = new Uint8Array(size * count);
  const view = new DataView(values.buffer);
  const range = RANGES[column.componentType];
  for (let i = 0; i < count; i++) {
    const v = column.values[i]!;
    if (!Number.isFinite(v)) throw new Error(`property "${name}" row ${i}: ${v} is not finite`);
    if (range && (v < range[0] || v > range[1] || !Number.isInteger(v))) {
      throw new Error(`property "${name}" row ${i}: ${v} does not fit ${column.componentType}`);
    }
    writeScalar(view, i * size, column.componentType, v);
  }
  return { values };
}

/**
 * The table without its STRING columns whose every value is '' (e.g. osmId in a tile of generated
 * buildings). Such a column has no valid encoding (see encodeColumn); readers fall back to the
 * class property's default, '' for strings, so the class must not mark it `required`.
 */
export function omitEmptyStringColumns(table: PropertyTableData): PropertyTableData {
  const columns: Record<string, PropertyColumn> = {};
  for (const [name, col] of Object.entries(table.columns)) {
    if (col.type === 'STRING' && col.values.every((v) => v === '')) continue;
    columns[name] = col;
  }
  return { ...table, columns };
}

/** Decodes one column given its class definition and the raw buffer views. */
export function decodeColumn(
  def: ClassPropertyDef,
  count: number,
  values: Uint8Array,
  stringOffsets?: Uint8Array,
  stringOffsetType: 'UINT8' | 'UINT16' | 'UINT32' = 'UINT32',
): PropertyColumn {
  if (def.type === 'STRING') {
    if (!stringOffsets) throw new Error('STRING property without stringOffsets');
    const ov = new DataView(stringOffsets.buffer, stringOffsets.byteOffset, stringOffsets.byteLength);
    const size = COMPONENT_BYTES[stringOffsetType];
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const a = readScalar(ov, i * size, stringOffsetType);
      const b = readScalar(ov, (i + 1) * size, stringOffsetType);
      if (b < a || b > values.byteLength) throw new Error(`string offsets out of range at row ${i}`);
      out.push(utf8Decoder.decode(values.subarray(a, b)));
    }
    return { type: 'STRING', values: out };
  }
  const componentType = def.componentType;
  if (def.type !== 'SCALAR' || !componentType) throw new Error(`unsupported property type ${def.type}`);
  const size = COMPONENT_BYTES[componentType];
  if (values.byteLength < size * count) throw new Error('property values shorter than the table');
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(readScalar(view, i * size, componentType));
  return { type: 'SCALAR', componentType, values: out };
}

/** Checks a table against its class before anything is written, with messages naming the column. */
export function checkTableAgainstSchema(schema: MetadataSchema, table: PropertyTableData): void {
  const cls = schema.classes[table.class];
  if (!cls) throw new Error(`property table refers to unknown class "${table.class}"`);
  for (const [name, col] of Object.entries(table.columns)) {
    const def = cls.properties[name];
    if (!def) throw new Error(`class "${table.class}" has no property "${name}"`);
    if (def.type !== col.type) throw new Error(`property "${name}" is ${def.type} in the schema but ${col.type} in the table`);
    if (col.type === 'SCALAR' && def.componentType !== col.componentType) {
      throw new Error(`property "${name}" is ${def.componentType} in the schema but ${col.componentType} in the table`);
    }
  }
  for (const [name, def] of Object.entries(cls.properties)) {
    if (def.required && !(name in table.columns)) throw new Error(`required property "${name}" missing from the table`);
  }
}

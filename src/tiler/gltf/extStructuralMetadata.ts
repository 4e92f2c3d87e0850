/**
 * EXT_structural_metadata, reduced to what the tiler needs: an embedded schema plus property
 * tables of STRING and SCALAR columns on the glTF root. Property-table bytes travel through the
 * WriterContext's `otherBufferViews`, the hook glTF-Transform gives extensions for raw buffer views.
 */
import {
  Extension,
  ExtensionProperty,
  GLB_BUFFER,
  PropertyType,
  type IProperty,
  type Nullable,
  type ReaderContext,
  type WriterContext,
} from '@gltf-transform/core';
import {
  checkTableAgainstSchema,
  decodeColumn,
  encodeColumn,
  type EncodedColumn,
  type MetadataSchema,
  type PropertyColumn,
  type PropertyTableData,
} from './propertyTable';

const NAME = 'EXT_structural_metadata';
/** The spec asks property-table buffer views to start on 8-byte boundaries. */
const ALIGNMENT = 8;

// Graph attributes must be plain records, so the table list is wrapped in one.
interface IStructuralMetadata extends IProperty {
  schema: MetadataSchema | null;
  propertyTables: { list: PropertyTableData[] };
}

interface PropertyTableDef {
  name?: string;
  class: string;
  count: number;
  properties: Record<string, { values: number; stringOffsets?: number; stringOffsetType?: 'UINT8' | 'UINT16' | 'UINT32' }>;
}

/** Root-level metadata: the schema and the property tables that feature ids point into. */
export class StructuralMetadata extends ExtensionProperty<IStructuralMetadata> {
  static override EXTENSION_NAME = NAME;
  declare extensionName: typeof NAME;
  declare propertyType: 'StructuralMetadata';
  declare parentTypes: [PropertyType.ROOT];

  protected init(): void {
    this.extensionName = NAME;
    this.propertyType = 'StructuralMetadata';
    this.parentTypes = [PropertyType.ROOT];
  }

  protected override getDefaults(): Nullable<IStructuralMetadata> {
    return Object.assign(super.getDefaults(), { schema: null, propertyTables: { list: [] } });
  }

  getSchema(): MetadataSchema | null {
    return this.get('schema');
  }

  setSchema(schema: MetadataSchema): this {
    return this.set('schema', schema);
  }

  listPropertyTables(): PropertyTableData[] {
    return this.get('propertyTables').list;
  }

  /** Adds a table and returns its index, the value feature ids use as `propertyTable`. */
  addPropertyTable(table: PropertyTableData): number {
    const tables = this.get('propertyTables').list.concat([table]);
    this.set('propertyTables', { list: tables });
    return tables.length - 1;
  }
}

function alignUp(n: number): number {
  return Math.ceil(n / ALIGNMENT) * ALIGNMENT;
}

export class StructuralMetadataExtension extends Extension {
  static override EXTENSION_NAME = NAME;
  override readonly extensionName = NAME;
  override readonly prewriteTypes = [PropertyType.BUFFER];
  /** Chunks handed to the writer in prewrite, in order, so write() can find their buffer views. */
  private pending: { table: PropertyTableData; columns: Map<string, EncodedColumn> }[] = [];

  createStructuralMetadata(): StructuralMetadata {
    return new StructuralMetadata(this.document.getGraph());
  }

  override prewrite(context: WriterContext, propertyType: PropertyType): this {
    if (propertyType !== PropertyType.BUFFER) return this;
    this.pending = [];
    const meta = this.document.getRoot().getExtension<StructuralMetadata>(NAME);
    if (!meta) return this;
    const schema = meta.getSchema();
    if (!schema) throw new Error(`${NAME}: a schema is required`);
    const buffer = this.document.getRoot().listBuffers()[0];
    if (!buffer) throw new Error(`${NAME}: the document needs a buffer for property tables`);
    const chunks = context.otherBufferViews.get(buffer) ?? [];
    for (const table of meta.listPropertyTables()) {
      checkTableAgainstSchema(schema, table);
      const columns = new Map<string, EncodedColumn>();
      for (const [name, col] of Object.entries(table.columns)) {
        const enc = encodeColumn(name, col, table.count);
        columns.set(name, enc);
        chunks.push(enc.values);
        if (enc.stringOffsets) chunks.push(enc.stringOffsets);
      }
      this.pending.push({ table, columns });
    }
    context.otherBufferViews.set(buffer, chunks);
    return this;
  }

  /**
   * The writer packs `otherBufferViews` back to back after the vertex data, which is only 4-byte
   * aligned. Our views are the tail of the buffer, so they are re-laid here on 8-byte boundaries.
   */
  private alignTail(context: WriterContext): void {
    const json = context.jsonDoc.json;
    const views = json.bufferViews ?? [];
    const mine: number[] = [];
    for (const { columns } of this.pending) {
      for (const enc of columns.values()) {
        for (const chunk of [enc.values, enc.stringOffsets]) {
          if (!chunk) continue;
          const idx = context.otherBufferViewsIndexMap.get(chunk);
          if (idx === undefined) throw new Error(`${NAME}: property-table buffer view was not written`);
          mine.push(idx);
        }
      }
    }
    if (mine.length === 0) return;
    const first = views[mine[0]!]!;
    const bufferIndex = first.buffer;
    const tailStart = Math.min(...mine.map((i) => views[i]!.byteOffset ?? 0));
    const mineSet = new Set(mine);
    views.forEach((v, i) => {
      if (!mineSet.has(i) && v.buffer === bufferIndex && (v.byteOffset ?? 0) + v.byteLength > tailStart) {
        throw new Error(`${NAME}: another buffer view follows the property tables; cannot align them`);
      }
    });
    const bufferDef = json.buffers![bufferIndex]!;
    const key = bufferDef.uri ?? GLB_BUFFER;
    const data = context.jsonDoc.resources[key];
    if (!data) throw new Error(`${NAME}: buffer resource "${key}" missing`);
    const layout: { index: number; offset: number }[] = [];
    let end = tailStart;
    for (const i of mine) {
      end = alignUp(end);
      layout.push({ index: i, offset: end });
      end += views[i]!.byteLength;
    }
    const out = new Uint8Array(end);
    out.set(data.subarray(0, tailStart), 0);
    for (const { index, offset } of layout) {
      const v = views[index]!;
      const src = v.byteOffset ?? 0;
      out.set(data.subarray(src, src + v.byteLength), offset);
      v.byteOffset = offset;
    }
    context.jsonDoc.resources[key] = out;
    bufferDef.byteLength = end;
  }

  override write(context: WriterContext): this {
    const meta = this.document.getRoot().getExtension<StructuralMetadata>(NAME);
    if (!meta) return this;
    this.alignTail(context);
    const propertyTables: PropertyTableDef[] = this.pending.map(({ table, columns }) => {
      const properties: PropertyTableDef['properties'] = {};
      for (const [name, enc] of columns) {
        const values = context.otherBufferViewsIndexMap.get(enc.values)!;
        properties[name] = enc.stringOffsets
          ? { values, stringOffsets: context.otherBufferViewsIndexMap.get(enc.stringOffsets)!, stringOffsetType: 'UINT32' }
          : { values };
      }
      const def: PropertyTableDef = { class: table.class, count: table.count, properties };
      if (table.name) def.name = table.name;
      return def;
    });
    const json = context.jsonDoc.json;
    json.extensions = json.extensions ?? {};
    json.extensions[NAME] = { schema: meta.getSchema(), propertyTables };
    this.pending = [];
    return this;
  }

  override read(context: ReaderContext): this {
    const def = context.jsonDoc.json.extensions?.[NAME] as
      | { schema?: MetadataSchema; propertyTables?: PropertyTableDef[] }
      | undefined;
    if (!def) return this;
    if (!def.schema) throw new Error(`${NAME}: only embedded schemas are supported`);
    const meta = this.createStructuralMetadata().setSchema(def.schema);
    for (const t of def.propertyTables ?? []) {
      const cls = def.schema.classes[t.class];
      if (!cls) throw new Error(`${NAME}: property table refers to unknown class "${t.class}"`);
      const columns: Record<string, PropertyColumn> = {};
      for (const [name, p] of Object.entries(t.properties)) {
        const classProp = cls.properties[name];
        const values = context.bufferViews[p.values];
        if (!classProp || !values) throw new Error(`${NAME}: property "${name}" cannot be resolved`);
        const offsets = p.stringOffsets === undefined ? undefined : context.bufferViews[p.stringOffsets];
        columns[name] = decodeColumn(classProp, t.count, values, offsets, p.stringOffsetType ?? 'UINT32');
      }
      meta.addPropertyTable({ ...(t.name ? { name: t.name } : {}), class: t.class, count: t.count, columns });
    }
    this.document.getRoot().setExtension(NAME, meta);
    return this;
  }
}

/**
 * Turns a tile's batched primitives and its feature property table into one self-contained GLB.
 * Each material gets its own node + mesh named after its role (walls, roof, water, …) so a viewer
 * can toggle sub-layers by name without any extra draw calls.
 */
import { Document, Logger, NodeIO, Primitive, type Material } from '@gltf-transform/core';
import type { MeshBatch } from '../geometry/meshBatch';
import { enuArrayToGltf, enuToGltf } from './axes';
import { compressTileDocument, declareMeshopt, withMeshopt } from './compressTile';
import { MeshFeaturesExtension } from './extMeshFeatures';
import { StructuralMetadataExtension } from './extStructuralMetadata';
import type { MaterialSpec } from './materials';
import { omitEmptyStringColumns, type MetadataSchema, type PropertyTableData } from './propertyTable';

export interface TilePrimitive {
  role: string;
  batch: MeshBatch;
  material: MaterialSpec;
  /** Extra per-vertex scalars, such as `_FLOOR` on CIM5 tiles. */
  attributes?: readonly TileVertexAttribute[];
}

/** An application-specific vertex attribute: glTF requires its semantic to start with "_". */
export interface TileVertexAttribute {
  semantic: string;
  /** One value per vertex of the batch. */
  values: Uint8Array | Uint16Array;
}

export interface TileContent {
  primitives: TilePrimitive[];
  schema: MetadataSchema;
  /** One row per feature; a vertex's `_FEATURE_ID_0` is its row. */
  table: PropertyTableData;
}

/** Uint16 indices must stay below 65535, which WebGL2 reserves for primitive restart. */
const MAX_UINT16_VERTICES = 65535;

export interface TileEncodeOptions {
  /** Quantise + meshopt-compress (KHR_mesh_quantization, EXT_meshopt_compression). Default true. */
  compress?: boolean;
}

const ioReady = withMeshopt(new NodeIO().registerExtensions([MeshFeaturesExtension, StructuralMetadataExtension]));
const quietLogger = new Logger(Logger.Verbosity.ERROR);

/** Centre of everything in the tile, rounded to centimetres so translations stay readable. */
function tileCentre(batches: MeshBatch[]): [number, number, number] {
  const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
  for (const b of batches) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, b.min[k]!);
      max[k] = Math.max(max[k]!, b.max[k]!);
    }
  }
  const c = (k: number): number => Math.round(((min[k]! + max[k]!) / 2) * 100) / 100;
  return [c(0), c(1), c(2)];
}

function addPrimitive(
  doc: Document, batch: MeshBatch, centre: [number, number, number], attributes: readonly TileVertexAttribute[],
): Primitive {
  const buffer = doc.getRoot().listBuffers()[0]!;
  const v = batch.view();
  const count = batch.vertexCount;
  // Re-centred on the tile so float32 keeps millimetres even kilometres from the zone origin.
  const pos = enuArrayToGltf(v.positions, centre, new Float32Array(3 * count));
  const prim = doc.createPrimitive()
    .setMode((batch.topology === 'lines' ? Primitive.Mode.LINES : Primitive.Mode.TRIANGLES)!)
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buffer));
  if (v.normals) {
    const nrm = enuArrayToGltf(v.normals, null, new Float32Array(3 * count));
    prim.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(nrm).setBuffer(buffer));
  }
  if (v.colors) {
    const col = new Uint8Array(v.colors);
    prim.setAttribute('COLOR_0', doc.createAccessor().setType('VEC3').setArray(col).setNormalized(true).setBuffer(buffer));
  }
  let maxId = 0;
  for (let i = 0; i < count; i++) maxId = Math.max(maxId, v.featureIds[i]!);
  // Feature ids are exact in float32 up to 2^24, but uint16 halves the bytes for ordinary tiles.
  const ids = maxId <= 65535 ? new Uint16Array(v.featureIds) : new Float32Array(v.featureIds);
  prim.setAttribute('_FEATURE_ID_0', doc.createAccessor().setType('SCALAR').setArray(ids).setBuffer(buffer));
  for (const a of attributes) {
    if (!/^_[A-Z0-9_]+$/.test(a.semantic) || a.semantic.startsWith('_FEATURE_ID_')) throw new Error(`bad vertex attribute semantic "${a.semantic}"`);
    if (a.values.length !== count) throw new Error(`${a.semantic}: ${a.values.length} values for ${count} vertices`);
    prim.setAttribute(a.semantic, doc.createAccessor().setType('SCALAR').setArray(a.values.slice()).setBuffer(buffer));
  }
  const indices = count <= MAX_UINT16_VERTICES ? new Uint16Array(v.indices) : new Uint32Array(v.indices);
  prim.setIndices(doc.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer));
  return prim;
}

function createMaterial(doc: Document, spec: MaterialSpec): Material {
  return doc.createMaterial(spec.name)
    .setBaseColorFactor(spec.baseColor)
    .setMetallicFactor(spec.metallic)
    .setRoughnessFactor(spec.roughness)
    .setAlphaMode(spec.alphaMode ?? 'OPAQUE')
    .setDoubleSided(spec.doubleSided ?? false);
}

export async function encodeTileGlb(content: TileContent, options: TileEncodeOptions = {}): Promise<Uint8Array> {
  const compress = options.compress ?? true;
  const used = content.primitives.filter((p) => !p.batch.isEmpty);
  if (used.length === 0) throw new Error('a tile needs at least one non-empty primitive');
  if (content.table.count < 1) throw new Error('a tile needs at least one feature');
  const doc = new Document();
  doc.setLogger(quietLogger);
  doc.createBuffer();
  if (compress) declareMeshopt(doc);
  const metaExt = doc.createExtension(StructuralMetadataExtension);
  const featuresExt = doc.createExtension(MeshFeaturesExtension);
  const meta = metaExt.createStructuralMetadata().setSchema(content.schema);
  const tableIndex = meta.addPropertyTable(omitEmptyStringColumns(content.table));
  doc.getRoot().setExtension(StructuralMetadataExtension.EXTENSION_NAME, meta);

  const centre = tileCentre(used.map((p) => p.batch));
  const tileNode = doc.createNode('tile').setTranslation(enuToGltf(centre[0], centre[1], centre[2]));
  doc.createScene('tile').addChild(tileNode);
  const materials = new Map<string, Material>();
  for (const p of used) {
    let material = materials.get(p.material.name);
    if (!material) {
      material = createMaterial(doc, p.material);
      materials.set(p.material.name, material);
    }
    const prim = addPrimitive(doc, p.batch, centre, p.attributes ?? []).setMaterial(material);
    prim.setExtension(
      MeshFeaturesExtension.EXTENSION_NAME,
      featuresExt.createMeshFeatures().addFeatureId({ featureCount: content.table.count, attribute: 0, propertyTable: tableIndex }),
    );
    const mesh = doc.createMesh(p.role).addPrimitive(prim);
    tileNode.addChild(doc.createNode(p.role).setMesh(mesh));
  }
  if (compress) await compressTileDocument(doc);
  return (await ioReady).writeBinary(doc);
}

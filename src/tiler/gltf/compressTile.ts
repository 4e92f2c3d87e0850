/**
 * Compact tiles: KHR_mesh_quantization + EXT_meshopt_compression through glTF-Transform's
 * `meshopt()` (reorder for size, quantise, then meshopt-encode every buffer view on write).
 *
 * Feature ids stay exact: in 'high' mode meshopt() quantises only POSITION/TEXCOORD/COLOR/…,
 * never `_`-prefixed attributes, and the encoder stores non-filtered attributes losslessly.
 * Reordering permutes whole vertices, so `_FEATURE_ID_0` moves with its vertex and the
 * property table (indexed by id, not by vertex) is untouched.
 */
import type { Document, NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';

/**
 * 16-bit positions over one volume for the whole tile: a 2 km ground tile keeps ~3 cm steps, a
 * building tile of a few hundred metres well under a centimetre, and walls and roofs share one grid
 * so their edges cannot crack apart.
 */
export const POSITION_BITS = 16;
/** meshopt's octahedral normal filter is limited to 8 bits in 'high' mode; ample for flat facades. */
export const NORMAL_BITS = 8;
/** Vertex colours are authored as 8-bit already. */
export const COLOR_BITS = 8;

/**
 * Must run before the tile's own extensions are created: the writer runs extension prewrites in
 * creation order, and EXT_structural_metadata needs its property-table views to be the buffer's
 * tail (it re-aligns them to 8 bytes), so meshopt's compressed views must be queued first.
 */
export function declareMeshopt(doc: Document): void {
  doc.createExtension(EXTMeshoptCompression).setRequired(true);
}

export async function compressTileDocument(doc: Document): Promise<void> {
  await MeshoptEncoder.ready;
  await doc.transform(
    meshopt({
      encoder: MeshoptEncoder,
      level: 'high',
      quantizationVolume: 'scene',
      quantizePosition: POSITION_BITS,
      quantizeNormal: NORMAL_BITS,
      quantizeColor: COLOR_BITS,
    }),
  );
}

/** Extensions and codecs an I/O needs to write (encoder) or read back (decoder) compact tiles. */
export async function withMeshopt(io: NodeIO): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
  return io
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
}

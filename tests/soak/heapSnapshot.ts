/**
 * Compiled code in a V8 heap snapshot. Post-GC heap samples count the code V8 compiles as the
 * app's functions get hot (InstructionStream, deoptimisation data: the snapshot's node type
 * "code"); during the first minutes of a soak that tier-up grows the heap steadily, and more so on
 * a slower machine, where it happens later. It is bounded (code is flushed when unused) and not a
 * leak of app data, so the accelerated soak takes its growth out of the heap slope. Pure.
 */

/** The parts of the `.heapsnapshot` JSON this reads. */
export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
}

/** Sum of self sizes of the snapshot's nodes of type "code", bytes. */
export function codeBytesOfSnapshot(s: HeapSnapshotJson): number {
  const fields = s.snapshot.meta.node_fields;
  const typeNames = s.snapshot.meta.node_types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  if (!Array.isArray(typeNames) || typeAt < 0 || sizeAt < 0 || stride === 0) throw new Error('not a V8 heap snapshot');
  const code = typeNames.indexOf('code');
  if (code < 0) return 0;
  let bytes = 0;
  for (let i = 0; i + stride <= s.nodes.length; i += stride) {
    if (s.nodes[i + typeAt] === code) bytes += s.nodes[i + sizeAt]!;
  }
  return bytes;
}

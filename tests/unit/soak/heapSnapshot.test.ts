import { describe, expect, it } from 'vitest';
import { codeBytesOfSnapshot, type HeapSnapshotJson } from '../../soak/heapSnapshot';

/** A V8 snapshot's node table: fields per node, types by index (as DevTools writes them). */
function snapshot(nodes: [type: number, selfSize: number][], types = ['hidden', 'array', 'string', 'object', 'code', 'closure']): HeapSnapshotJson {
  const fields = ['type', 'name', 'id', 'self_size', 'edge_count', 'detachedness'];
  return {
    snapshot: { meta: { node_fields: fields, node_types: [types, 'string', 'number', 'number', 'number', 'number'] } },
    nodes: nodes.flatMap(([t, size], i) => [t, 0, i + 1, size, 0, 0]),
  };
}

describe('codeBytesOfSnapshot', () => {
  it('sums the self sizes of "code" nodes only', () => {
    expect(codeBytesOfSnapshot(snapshot([[4, 1000], [3, 50], [4, 24], [5, 7]]))).toBe(1024);
  });

  it('is 0 without code nodes or without the type, and refuses what is not a snapshot', () => {
    expect(codeBytesOfSnapshot(snapshot([[3, 50]]))).toBe(0);
    expect(codeBytesOfSnapshot(snapshot([[0, 50]], ['hidden', 'object']))).toBe(0);
    expect(() => codeBytesOfSnapshot({ snapshot: { meta: { node_fields: ['name'], node_types: [[]] } }, nodes: [] })).toThrow(/not a V8 heap snapshot/);
  });
});

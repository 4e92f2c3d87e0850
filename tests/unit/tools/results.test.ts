import { describe, expect, it } from 'vitest';
import {
  addResult, addResults, clearResults, deleteResult, EMPTY_RESULTS, MAX_RESULT_NAME_LENGTH, MAX_RESULTS, renameResult, selectedResult, selectResult,
  type ResultDraft,
} from '../../../src/tools/results';

const distance = (d: number, createdAt = 1_700_000_000_000): ResultDraft => ({
  inputs: { kind: 'measure-distance', points: [[0, 0, 0], [d, 0, 0]], params: {} },
  values: { distanceM: d },
  createdAt,
});

describe('results list', () => {
  it('adds results with counter ids and selects the newest', () => {
    const a = addResult(EMPTY_RESULTS, distance(5));
    const b = addResult(a, { ...distance(7), name: '  塔楼  间距 ' });
    expect(b.items.map((r) => [r.id, r.kind, r.name])).toEqual([
      ['r1', 'measure-distance', 'measure-distance 1'],
      ['r2', 'measure-distance', '塔楼 间距'],
    ]);
    expect(b.selectedId).toBe('r2');
    expect(selectedResult(b)?.values).toEqual({ distanceM: 7 });
    expect(EMPTY_RESULTS.items).toEqual([]);
  });

  it('selects, renames and deletes by id; unknown ids and blank names change nothing', () => {
    const l = addResult(addResult(EMPTY_RESULTS, distance(5)), distance(7));
    const sel = selectResult(l, 'r1');
    expect(selectedResult(sel)?.id).toBe('r1');
    expect(selectResult(sel, 'r1')).toBe(sel);
    expect(selectResult(sel, 'nope')).toBe(sel);
    expect(selectResult(sel, null).selectedId).toBeNull();

    const renamed = renameResult(sel, 'r1', 'Gap A–B');
    expect(renamed.items[0]!.name).toBe('Gap A–B');
    expect(renamed.items[1]).toBe(sel.items[1]);
    expect(renameResult(renamed, 'r1', '   ')).toBe(renamed);
    expect(renameResult(renamed, 'r9', 'x')).toBe(renamed);
    expect(renameResult(renamed, 'r1', 'x'.repeat(200)).items[0]!.name).toHaveLength(MAX_RESULT_NAME_LENGTH);

    const del = deleteResult(renamed, 'r1');
    expect(del.items.map((r) => r.id)).toEqual(['r2']);
    expect(del.selectedId).toBeNull();
    expect(deleteResult(del, 'r1')).toBe(del);
    // Ids are never reused.
    expect(addResult(del, distance(1)).items.map((r) => r.id)).toEqual(['r2', 'r3']);
  });

  it('clears the list but keeps counting', () => {
    const l = addResult(addResult(EMPTY_RESULTS, distance(5)), distance(7));
    const c = clearResults(l);
    expect(c.items).toEqual([]);
    expect(c.selectedId).toBeNull();
    expect(clearResults(c)).toBe(c);
    expect(addResult(c, distance(2)).items[0]!.id).toBe('r3');
  });

  it('adds imported results without changing the selection, up to the cap', () => {
    const l = addResult(EMPTY_RESULTS, distance(5));
    const { list, added } = addResults(l, [distance(1), distance(2)]);
    expect(added).toBe(2);
    expect(list.items.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(list.selectedId).toBe('r1');
    let full = EMPTY_RESULTS;
    full = addResults(full, Array.from({ length: MAX_RESULTS - 1 }, (_, i) => distance(i + 1))).list;
    const over = addResults(full, [distance(1), distance(2)]);
    expect(over.added).toBe(1);
    expect(over.list.items).toHaveLength(MAX_RESULTS);
    expect(addResult(over.list, distance(3))).toBe(over.list);
  });
});

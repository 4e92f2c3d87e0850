import { describe, expect, it } from 'vitest';
import { diffStates } from '../../../src/analysis/planning/diff';
import { building, rect } from './fixtures';

describe('diffStates', () => {
  it('classifies added, removed, taller, lower and unchanged by id', () => {
    const a = [
      building('keep', rect(0, 0, 10, 10), 5, 15),
      building('up', rect(20, 0, 30, 10), 5, 15),
      building('down', rect(40, 0, 50, 10), 10, 30),
      building('gone', rect(60, 0, 70, 10), 3, 9),
    ];
    const b = [
      building('keep', rect(0, 0, 10, 10), 5, 15.4),
      building('up', rect(20, 0, 30, 10), 10, 30),
      building('down', rect(40, 0, 50, 10), 5, 15),
      building('new', rect(0, 50, 10, 60), 20, 60),
    ];
    const d = diffStates(a, b);
    expect(d).toMatchObject({ added: 1, removed: 1, taller: 1, lower: 1, unchanged: 1 });
    expect(d.entries.map((e) => [e.kind, e.id])).toEqual([
      ['added', 'new'], ['removed', 'gone'], ['taller', 'up'], ['lower', 'down'], ['unchanged', 'keep'],
    ]);
    const added = d.entries[0]!;
    expect(added).toMatchObject({ heightA: null, heightB: 60, x: 5, y: 55 });
    expect(added.otherId).toBeUndefined();
    expect(d.entries[1]).toMatchObject({ heightA: 9, heightB: null, x: 65, y: 5 });
    expect(d.entries[2]).toMatchObject({ otherId: 'up', heightA: 15, heightB: 30 });
  });

  it('height changes within the tolerance are unchanged; the tolerance is an option', () => {
    const a = [building('x', rect(0, 0, 10, 10), 5, 15)];
    const b = [building('x', rect(0, 0, 10, 10), 5, 15.5)];
    expect(diffStates(a, b).unchanged).toBe(1);
    expect(diffStates(a, b, { heightToleranceM: 0.1 }).taller).toBe(1);
  });

  it('matches different ids by footprint overlap (IoU ≥ 0.5)', () => {
    const a = [building('old-1', rect(0, 0, 10, 10), 5, 15)];
    // Shifted by 2 m: IoU = 80 / 120 ≈ 0.67.
    const b = [building('new-1', rect(2, 0, 12, 10), 8, 24)];
    const d = diffStates(a, b);
    expect(d.entries).toHaveLength(1);
    expect(d.entries[0]).toMatchObject({ kind: 'taller', id: 'old-1', otherId: 'new-1', x: 5, y: 5 });
    // Shifted by 5 m: IoU = 50 / 150 ≈ 0.33, below the default but above a lower threshold.
    const far = [building('new-1', rect(5, 0, 15, 10), 5, 15)];
    expect(diffStates(a, far)).toMatchObject({ added: 1, removed: 1 });
    expect(diffStates(a, far, { minOverlap: 0.3 }).unchanged).toBe(1);
  });

  it('prefers an id match over a better overlap', () => {
    const a = [building('p', rect(0, 0, 10, 10), 5, 15), building('q', rect(100, 0, 110, 10), 5, 15)];
    // B's "q" stands exactly where A's "p" stood, and B's "p" far away.
    const b = [building('q', rect(0, 0, 10, 10), 5, 15), building('p', rect(200, 0, 210, 10), 5, 15)];
    const d = diffStates(a, b);
    expect(d.unchanged).toBe(2);
    expect(d.entries.map((e) => [e.id, e.otherId])).toEqual([['p', 'p'], ['q', 'q']]);
  });

  it('greedy overlap matching takes the best pair first', () => {
    const a = [building('a1', rect(0, 0, 10, 10), 5, 15)];
    const b = [building('b1', rect(3, 0, 13, 10), 5, 15), building('b2', rect(1, 0, 11, 10), 5, 30)];
    const d = diffStates(a, b);
    expect(d.entries.find((e) => e.id === 'a1')).toMatchObject({ kind: 'taller', otherId: 'b2' });
    expect(d.entries.find((e) => e.kind === 'added')?.id).toBe('b1');
  });

  it('is deterministic: input order does not change the result, ties go to the smaller id', () => {
    const a = [building('a2', rect(0, 0, 10, 10), 5, 15), building('a1', rect(0, 0, 10, 10), 5, 15)];
    const b = [building('b2', rect(0, 0, 10, 10), 5, 15), building('b1', rect(0, 0, 10, 10), 5, 15)];
    const d1 = diffStates(a, b);
    const d2 = diffStates([...a].reverse(), [...b].reverse());
    expect(d2).toEqual(d1);
    expect(d1.entries.map((e) => [e.id, e.otherId])).toEqual([['a1', 'b1'], ['a2', 'b2']]);
  });

  it('empty states', () => {
    expect(diffStates([], [])).toEqual({ added: 0, removed: 0, taller: 0, lower: 0, unchanged: 0, entries: [] });
    expect(diffStates([], [building('n', rect(0, 0, 1, 1), 1)]).added).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { RESUME_MAX_AGE_MS, saveTourResume, takeTourResume } from '../../../src/runtime/resumeState';

function memoryStorage() {
  const m = new Map<string, string>();
  return { m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

describe('tour resume across a soft reload', () => {
  it('is taken once, and only while fresh', () => {
    const st = memoryStorage();
    saveTourResume(st, { id: 'ops-tour', zone: 'westbund', step: 3, atMs: 1000 });
    expect(takeTourResume(st, 2000)).toEqual({ id: 'ops-tour', zone: 'westbund', step: 3, atMs: 1000 });
    expect(takeTourResume(st, 2000)).toBeNull();
    saveTourResume(st, { id: 'ops-tour', zone: 'westbund', step: 3, atMs: 1000 });
    expect(takeTourResume(st, 1000 + RESUME_MAX_AGE_MS + 1)).toBeNull();
  });
  it('ignores junk and a storage that throws', () => {
    const st = memoryStorage();
    st.m.set('shentwin.watchdog.tourResume', '{"id":"x","zone":"y","step":-1,"atMs":0}');
    expect(takeTourResume(st, 10)).toBeNull();
    st.m.set('shentwin.watchdog.tourResume', 'not json');
    expect(takeTourResume(st, 10)).toBeNull();
    const broken = { getItem: () => { throw new Error('denied'); }, removeItem: () => undefined };
    expect(takeTourResume(broken, 10)).toBeNull();
  });
});

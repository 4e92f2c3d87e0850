/**
 * The time machine's moment in a link (`t`, src/app/urlState.ts): ISO time with an offset, Shanghai
 * time without one, whole seconds, years 2000–2100; serialized with +08:00. And what the app does
 * with a link's moment once the recorded range is known (pendingReplayVerdict).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_TIME_MACHINE, type TimeMachineSummary } from '../../../src/feed/replay/TimeMachine';
import { formatT, parseT, parseUrlState, serializeUrlState } from '../../../src/app/urlState';
import { PENDING_REPLAY_WAIT_MS, pendingReplayVerdict } from '../../../src/state/timeMachineSlice';

/** 2026-12-02 07:42:10 in Shanghai. */
const AT = Date.UTC(2026, 11, 1, 23, 42, 10);

describe('parseT', () => {
  it.each([
    ['2026-12-02T07:42:10+08:00', AT],
    ['2026-12-01T23:42:10Z', AT],
    ['2026-12-02T07:42:10', AT],
    ['2026-12-02T02:42:10-05:00', Date.UTC(2026, 11, 2, 7, 42, 10)],
    ['2026-12-02T05:12:10+05:30', Date.UTC(2026, 11, 1, 23, 42, 10)],
    ['2026-12-02T07:42', AT - 10_000],
    ['2026-12-02T07:42:10.750+08:00', AT],
    ['  2026-12-02T07:42:10+08:00 ', AT],
    // "+" decoded from a query as a space.
    ['2026-12-02T07:42:10 08:00', AT],
    ['2028-02-29T12:00:00', Date.UTC(2028, 1, 29, 4, 0, 0)],
    ['2000-01-01T08:00:00+08:00', Date.UTC(2000, 0, 1)],
    ['2100-01-01T00:00:00Z', Date.UTC(2100, 0, 1)],
  ])('reads %s', (raw, want) => {
    expect(parseT(raw)).toBe(want);
  });

  it.each([
    ['2026-02-30T10:00:00', 'no such date'],
    ['2026-02-29T10:00:00', 'no such date'],
    ['2026-04-31T10:00:00Z', 'no such date'],
    ['garbage', 'expected an ISO time'],
    ['', 'expected an ISO time'],
    ['2026-12-02 07:42:10', 'expected an ISO time'],
    ['2026-12-02T07:42:10+0800', 'expected an ISO time'],
    ['1765000000000', 'expected an ISO time'],
    ['2026-13-01T10:00:00', 'no such time'],
    ['2026-00-10T10:00:00', 'no such time'],
    ['2026-12-02T24:00:00', 'no such time'],
    ['2026-12-02T07:60:00', 'no such time'],
    ['2026-12-02T07:42:60', 'no such time'],
    ['1999-12-31T23:59:59Z', 'between the years 2000 and 2100'],
    ['2000-01-01T07:59:59', 'between the years 2000 and 2100'],
    ['2100-01-01T00:00:01Z', 'between the years 2000 and 2100'],
    ['2200-06-01T00:00:00Z', 'between the years 2000 and 2100'],
    ['2026-12-02T07:42:10+25:00', 'no such UTC offset'],
    ['2026-12-02T07:42:10-08:99', 'no such UTC offset'],
  ])('rejects %s', (raw, why) => {
    const r = parseT(raw);
    expect(typeof r).toBe('string');
    expect(r).toContain(why);
  });
});

describe('formatT and the link', () => {
  it('writes Shanghai time with its offset, to the second', () => {
    expect(formatT(AT)).toBe('2026-12-02T07:42:10+08:00');
    expect(formatT(AT + 499)).toBe('2026-12-02T07:42:10+08:00');
    expect(formatT(AT + 500)).toBe('2026-12-02T07:42:11+08:00');
    // Across midnight in Shanghai, not in UTC.
    expect(formatT(Date.UTC(2026, 11, 1, 16, 0, 0))).toBe('2026-12-02T00:00:00+08:00');
  });

  it('serializes t= with +08:00 in its place among the parameters, and reads it back', () => {
    const q = serializeUrlState({ zone: 'jiading', t: AT, lang: 'en', sun: Date.UTC(2026, 5, 21, 6, 30) });
    expect(q).toBe('?zone=jiading&sun=2026-06-21T14:30&t=2026-12-02T07:42:10%2B08:00&lang=en');
    expect(new URLSearchParams(q).get('t')).toBe('2026-12-02T07:42:10+08:00');
    expect(parseUrlState(q)).toEqual({ state: { zone: 'jiading', t: AT, lang: 'en', sun: Date.UTC(2026, 5, 21, 6, 30) }, issues: [] });
    // A moment between seconds goes out rounded, and comes back as that second.
    expect(parseUrlState(serializeUrlState({ t: AT + 700 })).state.t).toBe(AT + 1000);
    expect(serializeUrlState({ t: Number.NaN })).toBe('');
  });

  it('reads a typed link with a bare "+" and a Z time; drops a bad t with a reason, keeping the rest', () => {
    expect(parseUrlState('?t=2026-12-02T07:42:10+08:00').state.t).toBe(AT);
    expect(parseUrlState('?t=2026-12-01T23:42:10Z').state.t).toBe(AT);
    const bad = parseUrlState('?t=2026-02-30T10:00:00&lang=zh');
    expect(bad.state).toEqual({ lang: 'zh' });
    expect(bad.issues).toEqual([{ param: 't', reason: 'no such date "2026-02-30"' }]);
    expect(parseUrlState('?t=garbage').issues.map((i) => i.param)).toEqual(['t']);
  });
});

describe('pendingReplayVerdict', () => {
  const R0 = AT - 600_000, R1 = AT + 60_000;
  const tm = (over: Partial<TimeMachineSummary>): TimeMachineSummary => ({ ...EMPTY_TIME_MACHINE, ...over });
  const known = tm({ available: true, range: { fromTs: R0, toTs: R1 } });

  it('waits for the first range, then gives up', () => {
    expect(PENDING_REPLAY_WAIT_MS).toBe(15_000);
    expect(pendingReplayVerdict(AT, EMPTY_TIME_MACHINE, 0)).toBe('wait');
    expect(pendingReplayVerdict(AT, EMPTY_TIME_MACHINE, 14_999)).toBe('wait');
    expect(pendingReplayVerdict(AT, EMPTY_TIME_MACHINE, 15_000)).toBe('out-of-range');
    expect(pendingReplayVerdict(AT, tm({ available: true, range: null }), 1000)).toBe('wait');
    expect(pendingReplayVerdict(AT, tm({ available: false, range: { fromTs: R0, toTs: R1 } }), 1000)).toBe('wait');
  });

  it('seeks inside the recorded range, ends included', () => {
    expect(pendingReplayVerdict(AT, known, 0)).toBe('seek');
    expect(pendingReplayVerdict(R0, known, 0)).toBe('seek');
    expect(pendingReplayVerdict(R1, known, 60_000)).toBe('seek');
  });

  it('is out of range before the recording; just past its end it waits a while for the recording to reach it', () => {
    expect(pendingReplayVerdict(R0 - 1, known, 0)).toBe('out-of-range');
    expect(pendingReplayVerdict(R1 + 5000, known, 1000)).toBe('wait');
    expect(pendingReplayVerdict(R1 + 14_999, known, 14_999)).toBe('wait');
    expect(pendingReplayVerdict(R1 + 5000, known, 15_000)).toBe('out-of-range');
    expect(pendingReplayVerdict(R1 + 15_000, known, 0)).toBe('out-of-range');
    expect(pendingReplayVerdict(R1 + 3_600_000, known, 0)).toBe('out-of-range');
  });
});

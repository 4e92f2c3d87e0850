/**
 * A sensor's windows follow its declared interval in feed time: pending until its first report
 * is overdue, stale after three missed reports; a time-scaled simulator shrinks both.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_REPORT_SLACK_MS, SensorBuffer } from '../../../src/feed/ingest/SensorBuffer';

const info = (id: string, reportEveryS?: number) => ({ id, type: 'rsu', name: { zh: id, en: id }, unit: '%', x: 0, y: 0, ...(reportEveryS ? { reportEveryS } : {}) });

describe('SensorBuffer windows', () => {
  it('is pending, not stale, before anything was received, and within its first-report window after', () => {
    const b = new SensorBuffer();
    b.setCatalogue([info('a', 30), info('b')]);
    b.age(1000, 1000);
    expect([b.pending[0], b.stale[0], b.pendingCount, b.staleCount]).toEqual([1, 0, 2, 0]);
    b.noteListening(10_000);
    b.age(10_000 + 30_000 + FIRST_REPORT_SLACK_MS, 10_000 + 30_000 + FIRST_REPORT_SLACK_MS);
    expect([b.pending[0], b.stale[0]]).toEqual([1, 0]);
    b.age(10_000 + 41_000, 10_000 + 41_000);
    expect([b.pending[0], b.stale[0]]).toEqual([0, 1]);
    // Without a declared interval the five-minute default applies.
    expect(b.pending[1]).toBe(1);
    expect(b.view('a')).toMatchObject({ value: null, stale: true, pending: false });
  });

  it('a report ends pending at once; a later catalogue entry gets its own window', () => {
    const b = new SensorBuffer();
    b.setCatalogue([info('a', 30)]);
    b.noteListening(0);
    b.age(0, 0);
    b.upsertReading('a', 'rsu', '%', 99, 'good', 5000);
    expect([b.pending[0], b.pendingCount]).toEqual([0, 0]);
    b.age(100_000, 100_000);
    b.setCatalogue([info('a', 30), info('late', 30)]);
    b.age(100_000, 100_000);
    b.age(130_000, 130_000);
    expect(b.pending[b.slot('late')!]).toBe(1);
  });

  it('a simulator at 60× shrinks the windows, down to the 30 s staleness floor', () => {
    const b = new SensorBuffer();
    b.setCatalogue([info('a', 60)]);
    expect([b.staleAfterMs(0), b.firstReportWindowMs(0)]).toEqual([180_000, 60_000 + FIRST_REPORT_SLACK_MS]);
    b.timeScale = 60;
    expect([b.staleAfterMs(0), b.firstReportWindowMs(0)]).toEqual([30_000, 1000 + FIRST_REPORT_SLACK_MS]);
    b.timeScale = 5;
    expect(b.staleAfterMs(0)).toBe(36_000);
  });
});

import { describe, expect, it } from 'vitest';
import { exportFileName, exportSize, exportSizes, exportTime, MAX_EXPORT_EDGE_PX } from '../../../src/ui/export/exportSizes';

describe('export sizes', () => {
  it('are factor × the window × devicePixelRatio, rounded', () => {
    expect(exportSizes(1280, 720, 1)).toEqual([
      { factor: 1, width: 1280, height: 720, capped: false },
      { factor: 1.5, width: 1920, height: 1080, capped: false },
      { factor: 2, width: 2560, height: 1440, capped: false },
    ]);
    expect(exportSize(2, 1280, 720, 2)).toEqual({ factor: 2, width: 5120, height: 2880, capped: false });
    expect(exportSize(1.5, 1001, 667, 1.25)).toEqual({ factor: 1.5, width: 1877, height: 1251, capped: false });
    // A broken devicePixelRatio counts as 1.
    expect(exportSize(1, 800, 600, Number.NaN)).toEqual({ factor: 1, width: 800, height: 600, capped: false });
  });

  it('scale a side longer than the cap down to it, keeping the aspect', () => {
    expect(exportSize(2, 3840, 2160, 1)).toEqual({ factor: 2, width: 7680, height: 4320, capped: false });
    expect(exportSize(2, 3840, 2160, 2)).toEqual({ factor: 2, width: MAX_EXPORT_EDGE_PX, height: 4608, capped: true });
  });
});

describe('export names and times (Shanghai, UTC+8)', () => {
  const ms = Date.UTC(2025, 5, 21, 6, 30, 59);
  it('formats the timestamp', () => {
    expect(exportTime(ms)).toBe('2025-06-21 14:30');
    expect(exportTime(Date.UTC(2025, 11, 31, 16, 5))).toBe('2026-01-01 00:05');
  });

  it('names the file shentwin-<zone>-<yyyyMMdd-HHmm>.png', () => {
    expect(exportFileName('westbund', ms)).toBe('shentwin-westbund-20250621-1430.png');
    expect(exportFileName('Bad/Zone id', ms)).toBe('shentwin-bad-zone-id-20250621-1430.png');
  });
});

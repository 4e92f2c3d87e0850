import { describe, expect, it } from 'vitest';
import { createEventLog, formatEventLine, formatValue } from '../../../../src/runtime/supervisor/eventLog';

/** 2026-12-01T19:40:00.123Z */
const T = Date.UTC(2026, 11, 1, 19, 40, 0, 123);

describe('event log lines', () => {
  it('ISO time, event name, key=value details', () => {
    expect(formatEventLine(T, 'browser-start', { pid: 1234, port: 9222 })).toBe('2026-12-01T19:40:00.123Z browser-start pid=1234 port=9222');
    expect(formatEventLine(T, 'heartbeat-missed', { count: 3, action: 'reload' })).toBe('2026-12-01T19:40:00.123Z heartbeat-missed count=3 action=reload');
    expect(formatEventLine(T, 'supervisor-stop')).toBe('2026-12-01T19:40:00.123Z supervisor-stop');
  });

  it('leaves out undefined fields and writes null and booleans plainly', () => {
    expect(formatEventLine(T, 'browser-exit', { code: null, signal: undefined, 'restart-in-ms': 2000, headless: true }))
      .toBe('2026-12-01T19:40:00.123Z browser-exit code=null restart-in-ms=2000 headless=true');
  });

  it('URLs and paths stay bare; spaces, quotes, = and newlines are JSON-quoted so a line stays one line', () => {
    expect(formatValue('http://127.0.0.1:5173/viewer')).toBe('http://127.0.0.1:5173/viewer');
    expect(formatValue('/var/log/shentwin/screen-left.log')).toBe('/var/log/shentwin/screen-left.log');
    expect(formatValue('http://h/?mode=screen&zone=jiading')).toBe('"http://h/?mode=screen&zone=jiading"');
    expect(formatValue('no answer within 5000 ms')).toBe('"no answer within 5000 ms"');
    expect(formatValue('a "b"')).toBe('"a \\"b\\""');
    expect(formatValue('')).toBe('""');
    const line = formatEventLine(T, 'supervisor-error', { error: 'Error: boom\n    at x (y.ts:1:2)' });
    expect(line.split('\n')).toHaveLength(1);
    expect(JSON.parse(line.slice(line.indexOf('error=') + 6))).toBe('Error: boom\n    at x (y.ts:1:2)');
  });

  it('keeps event and field names kebab-case', () => {
    expect(() => formatEventLine(T, 'Browser Start')).toThrow(/kebab-case/);
    expect(() => formatEventLine(T, 'x', { 'bad key': 1 })).toThrow(/kebab-case/);
  });

  it('createEventLog formats with the injected clock', () => {
    const lines: string[] = [];
    const log = createEventLog((l) => lines.push(l), () => T);
    log.emit('page-crashed', { target: 'ABC123', action: 'reload' });
    expect(lines).toEqual(['2026-12-01T19:40:00.123Z page-crashed target=ABC123 action=reload']);
  });
});

import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvRow, parseCsv, toCsv } from '../../soak/csv';
import { SOAK_COLUMNS, type SoakSample } from '../../soak/sample';
import { sample } from './fixtures';

describe('soak CSV', () => {
  it('has one header cell per column, in order', () => {
    expect(csvHeader().split(',')).toEqual([...SOAK_COLUMNS]);
    expect(csvRow(sample({})).split(',')).toHaveLength(SOAK_COLUMNS.length);
  });

  it('formats cells: nulls and non-finite empty, numbers without float noise, text quoted when needed', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(0.1 + 0.2)).toBe('0.3');
    expect(csvCell(123456789)).toBe('123456789');
    expect(csvCell(16.66666)).toBe('16.667');
    expect(csvCell('connected')).toBe('connected');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('reads back what it wrote', () => {
    const rows: SoakSample[] = [
      sample({ tS: 0, heapPostGcBytes: 1.5e8, zone: 'jiading', feedStatus: 'connected' }),
      sample({ tS: 10.25, heapPostGcBytes: null, zone: 'west,"bund"', ourTimers: 7, reloads: 1 }),
    ];
    const back = parseCsv(toCsv(rows));
    expect(back).toEqual(rows);
  });

  it('reads a file with fewer columns by name, and refuses a file that is not a soak CSV', () => {
    const back = parseCsv('tS,domNodes,zone\n5,1200,yangpu\n');
    expect(back[0]).toMatchObject({ tS: 5, domNodes: 1200, zone: 'yangpu', heapPostGcBytes: null });
    expect(() => parseCsv('a,b\n1,2\n')).toThrow(/not a soak CSV/);
  });
});

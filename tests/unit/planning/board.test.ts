import { describe, expect, it } from 'vitest';
import { boardCsv, EXISTING_STATE_ID, formatIndicator, siteBoard } from '../../../src/analysis/planning/board';
import type { Scheme, ZonePlan } from '../../../src/analysis/planning/types';
import { building, plot, rect } from './fixtures';

function plan(): ZonePlan {
  const p = { ...plot(rect(0, 0, 100, 100)), limits: { farMax: 2.5, heightMaxM: 60, densityMax: 0.3, greenRatioMin: 0.3 } };
  return {
    version: 1,
    zoneId: 'xuhui',
    illustrative: true,
    plots: [p],
    controlLines: [],
    sites: [{ id: 's1', plotId: 'p1', name: { zh: '西岸地块', en: 'West Bund site' }, existing: [building('e1', rect(0, 0, 50, 20), 2, 8)] }],
    schemes: [
      {
        id: 'scheme-a',
        siteId: 's1',
        name: { zh: '方案A', en: 'Scheme A' },
        source: 'shipped',
        buildings: [building('a', rect(10, 10, 30, 60), 10, 36), building('b', rect(60, 10, 80, 60), 10, 40)],
        green: [rect(0, 70, 100, 100)],
      },
      { id: 'other', siteId: 's2', name: { zh: '别处', en: 'Elsewhere' }, source: 'shipped', buildings: [], green: [] },
    ],
  };
}

const imported: Scheme = {
  id: 'mine-imported',
  siteId: 's1',
  name: { zh: '=我的方案, "修改"', en: 'My scheme, "v2"\nlate' },
  source: 'imported',
  buildings: [building('t', rect(0, 0, 40, 40), 30, 90)],
  green: [],
};

/** Minimal RFC 4180 reader, enough to check what boardCsv writes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

describe('siteBoard', () => {
  it('existing first, then shipped and imported schemes of the site only', () => {
    const board = siteBoard(plan(), [imported], 's1');
    expect(board).not.toBeNull();
    expect(board!.states.map((s) => [s.stateId, s.source])).toEqual([
      [EXISTING_STATE_ID, 'existing'], ['scheme-a', 'shipped'], ['mine-imported', 'imported'],
    ]);
    expect(EXISTING_STATE_ID).toBe('existing');
    expect(board!.plotId).toBe('p1');
    expect(board!.limits.farMax).toBe(2.5);
  });

  it('computes indicators and compliance per state', () => {
    const board = siteBoard(plan(), [imported], 's1')!;
    const [existing, a, mine] = board.states;
    expect(existing!.indicators.far).toBeCloseTo(0.2, 12);
    expect(existing!.indicators.greenRatio).toBe(0);
    expect(a!.indicators.far).toBeCloseTo(2, 12);
    expect(a!.indicators.greenRatio).toBeCloseTo(0.3, 9);
    expect(a!.compliance.map((r) => r.verdict)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(mine!.compliance.map((r) => r.verdict)).toEqual(['fail', 'pass', 'fail', 'fail']);
  });

  it('takes existing green polygons when given', () => {
    const board = siteBoard(plan(), [], 's1', [rect(0, 50, 100, 100)])!;
    expect(board.states[0]!.indicators.greenRatio).toBeCloseTo(0.5, 9);
  });

  it('is null for an unknown site or a site whose plot is missing', () => {
    expect(siteBoard(plan(), [], 'nope')).toBeNull();
    const broken = plan();
    broken.plots = [];
    expect(siteBoard(broken, [], 's1')).toBeNull();
  });
});

describe('boardCsv', () => {
  const board = siteBoard(plan(), [imported], 's1')!;

  it('starts with a UTF-8 BOM, uses CRLF throughout, and ends with CRLF', () => {
    const csv = boardCsv(board, 'zh');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
    // The only bare LF is the one inside the quoted English name, absent from the zh file.
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('header, one row per state × indicator, and a note row, all of nine fields', () => {
    for (const lang of ['zh', 'en'] as const) {
      const rows = readCsv(boardCsv(board, lang).slice(1));
      expect(rows).toHaveLength(1 + 3 * 9 + 1);
      expect(rows.every((r) => r.length === 9)).toBe(true);
      expect(rows[0]).toEqual(
        lang === 'zh'
          ? ['场地', '地块编号', '方案', '指标', '数值', '单位', '限值', '判定', '余量']
          : ['Site', 'Plot code', 'State', 'Indicator', 'Value', 'Unit', 'Limit', 'Verdict', 'Margin'],
      );
      const note = rows[rows.length - 1]![0]!;
      expect(note).toContain('示意');
      expect(note).toContain('方案参考');
    }
  });

  it('formats values, limits, verdicts and margins', () => {
    const rows = readCsv(boardCsv(board, 'en').slice(1));
    const of = (state: string, indicator: string) => rows.find((r) => r[2] === state && r[3] === indicator)!;
    expect(of('Scheme A', 'Floor area ratio (FAR)')).toEqual(['West Bund site', 'XH-B2-03', 'Scheme A', 'Floor area ratio (FAR)', '2.00', 'ratio', '2.50', 'pass', '0.50']);
    expect(of('Scheme A', 'Building density').slice(4)).toEqual(['20.0', '%', '30.0', 'pass', '10.0']);
    expect(of('Scheme A', 'Green ratio').slice(4)).toEqual(['30.0', '%', '30.0', 'pass', '0.0']);
    expect(of('Scheme A', 'Site area').slice(4)).toEqual(['10000.0', 'm²', '', '', '']);
    expect(of('Scheme A', 'Maximum building height').slice(4)).toEqual(['40.0', 'm', '60.0', 'pass', '20.0']);
    expect(of('Existing', 'Building count').slice(4)).toEqual(['1', 'buildings', '', '', '']);
  });

  it('quotes commas, quotes and newlines, and defuses formula-like text', () => {
    const csv = boardCsv(board, 'en');
    expect(csv).toContain('"My scheme, ""v2""\nlate"');
    const zh = readCsv(boardCsv(board, 'zh').slice(1));
    expect(zh.some((r) => r[2] === `'=我的方案, "修改"`)).toBe(true);
    expect(zh.some((r) => r[7] === '不符合')).toBe(true);
  });

  it('never prints negative zero', () => {
    expect(formatIndicator(-1e-9, 'area')).toBe('0.0');
    expect(formatIndicator(-0.0001, 'percent')).toBe('0.0');
    expect(formatIndicator(-0.004, 'far')).toBe('0.00');
    expect(formatIndicator(-0.5, 'far')).toBe('-0.50');
  });
});

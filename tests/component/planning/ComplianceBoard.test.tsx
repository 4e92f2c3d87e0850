import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boardCsv, siteBoard } from '../../../src/analysis/planning/board';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { ComplianceBoard } from '../../../src/ui/planning/ComplianceBoard';
import { BOARD_ROWS } from '../../../src/ui/planning/indicatorFormat';
import { renderUi } from '../render';
import { makePlan, SITE_ID } from './planFixture';

function seeded(): AppStore {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  store.getState().setActiveSite(SITE_ID);
  return store;
}

const cell = (key: string, state: string, role = 'value') =>
  document.querySelector<HTMLElement>(`[data-indicator="${key}"][data-state="${state}"][data-role="${role}"]`);

describe('ComplianceBoard', () => {
  let store: AppStore;
  beforeEach(() => {
    store = seeded();
  });

  it("shows every state's indicators exactly as siteBoard computes them", () => {
    renderUi(<ComplianceBoard />, { store });
    const board = siteBoard(makePlan(), [], SITE_ID)!;
    expect(board.states.map((s) => s.stateId)).toEqual(['existing', 's-a', 's-b']);
    for (const st of board.states) {
      for (const key of BOARD_ROWS) {
        expect(Number(cell(key, st.stateId)!.dataset.value), `${st.stateId}.${key}`).toBe(st.indicators[key]);
      }
    }
    // The hand-made numbers: 10 000 m² site, scheme A FAR 2.0 at 20 % density, scheme B FAR 4.8.
    expect(cell('siteAreaM2', 's-a')!.textContent).toBe('10,000.0 m²');
    expect(cell('far', 's-a')!.textContent).toBe('2.00');
    expect(cell('density', 's-a')!.textContent).toBe('20.0 %');
    expect(cell('greenRatio', 's-a')!.textContent).toBe('40.0 %');
    expect(cell('far', 's-b')!.textContent).toBe('4.80');
    expect(cell('maxHeightM', 's-b')!.textContent).toBe('90.0 m');
    expect(cell('buildingCount', 'existing')!.textContent).toBe('2');
    expect(screen.getByText('方案参考')).toBeTruthy();
    expect(screen.getAllByText('示意').length).toBeGreaterThan(0);
  });

  it('gives each controlled value its limit, a pass/fail badge in words and the margin', () => {
    renderUi(<ComplianceBoard />, { store });
    const verdict = (k: string, s: string) => cell(k, s, 'verdict')!;
    for (const k of ['far', 'density', 'greenRatio', 'maxHeightM']) {
      expect(verdict(k, 's-a').dataset.value).toBe('pass');
      expect(verdict(k, 's-a').textContent).toContain('达标');
    }
    expect(verdict('far', 's-b').dataset.value).toBe('fail');
    expect(verdict('far', 's-b').textContent).toContain('不达标');
    expect(verdict('maxHeightM', 's-b').dataset.value).toBe('fail');
    expect(verdict('greenRatio', 's-b').dataset.value).toBe('fail');
    expect(verdict('density', 's-b').dataset.value).toBe('pass');
    // Today has no green polygons, so it fails the green floor.
    expect(verdict('greenRatio', 'existing').dataset.value).toBe('fail');

    expect(cell('far', 's-a', 'limit')!.textContent).toBe('上限 2.50');
    expect(cell('greenRatio', 's-a', 'limit')!.textContent).toBe('下限 30.0 %');
    expect(Number(cell('far', 's-a', 'margin')!.dataset.value)).toBeCloseTo(0.5);
    expect(cell('far', 's-a', 'margin')!.textContent).toBe('余量 +0.50');
    expect(cell('far', 's-b', 'margin')!.textContent).toBe('余量 -2.30');
    expect(cell('maxHeightM', 's-b', 'margin')!.textContent).toBe('余量 -30.0 m');
    expect(cell('greenRatio', 's-a', 'margin')!.textContent).toBe('余量 +10.0 %');
    // Site area and GFA have no limit: no badge.
    expect(cell('gfaM2', 's-a', 'verdict')).toBeNull();
  });

  it('shows the difference of the first two schemes, or of the compared pair', () => {
    renderUi(<ComplianceBoard />, { store });
    expect(screen.getByRole('columnheader', { name: '差值 方案A − 方案B' })).toBeTruthy();
    expect(Number(cell('far', 'diff')!.dataset.value)).toBeCloseTo(2 - 4.8);
    expect(cell('far', 'diff')!.textContent).toBe('-2.80');
    expect(cell('buildingCount', 'diff')!.textContent).toBe('+1');

    act(() => store.getState().setPlanView({ mode: 'compare', left: 'existing', right: 's-b' }));
    expect(screen.getByRole('columnheader', { name: '差值 现状 − 方案B' })).toBeTruthy();
    expect(Number(cell('maxHeightM', 'diff')!.dataset.value)).toBeCloseTo(12 - 90);

    act(() => store.getState().setPlanView({ mode: 'scheme', right: 's-a' }));
    expect(screen.getByRole('columnheader', { name: '差值 方案A − 现状' })).toBeTruthy();
  });

  it('says to choose a site when there is none', () => {
    store.getState().setActiveSite(null);
    renderUi(<ComplianceBoard />, { store });
    expect(screen.getByText('请先选择场地')).toBeTruthy();
  });

  describe('CSV export', () => {
    const created: Blob[] = [];
    let click: ReturnType<typeof vi.spyOn>;
    let downloads: string[];
    beforeEach(() => {
      created.length = 0;
      downloads = [];
      URL.createObjectURL = vi.fn((b: Blob) => {
        created.push(b);
        return 'blob:board';
      });
      URL.revokeObjectURL = vi.fn();
      click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        downloads.push(`${this.download} ${this.href}`);
      });
    });
    afterEach(() => click.mockRestore());

    it('downloads <zone>-<site>-indicators.csv with the board rows, then revokes the URL', async () => {
      renderUi(<ComplianceBoard />, { store });
      fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
      expect(downloads).toEqual(['westbund-site-1-indicators.csv blob:board']);
      expect(created).toHaveLength(1);
      expect(created[0]!.type).toContain('text/csv');
      // UTF-8 with a byte-order mark, so that Excel reads the Chinese.
      const bytes = new Uint8Array(await created[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text).toBe(boardCsv(siteBoard(makePlan(), [], SITE_ID)!, 'zh'));
      const rows = text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(rows[0]).toBe('场地,地块编号,方案,指标,数值,单位,限值,判定,余量');
      expect(rows).toContain('测试场地,XH-T-01,方案A,容积率,2.00,比值,2.50,符合,0.50');
      expect(rows).toContain('测试场地,XH-T-01,方案B,容积率,4.80,比值,2.50,不符合,-2.30');
      await vi.waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:board'), { timeout: 3000 });
    });
  });

  it('opens the printable report with placeholders, or the captured pictures, and closes it', async () => {
    const capture = vi.fn(async () => [{ stateId: 's-a', dataUrl: 'data:image/png;base64,AAAA' }]);
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderUi(<ComplianceBoard capture={capture} />, { store });
    await userEvent.click(screen.getByRole('button', { name: '打印报告' }));
    const report = screen.getByRole('dialog', { name: '方案比选报告' });
    expect(within(report).getByText('测试场地')).toBeTruthy();
    expect(within(report).getByText('XH-T-01')).toBeTruthy();
    expect(within(report).getAllByText(/示意/).length).toBeGreaterThan(0);
    expect(within(report).getAllByText(/方案参考/).length).toBeGreaterThan(0);
    expect(await within(report).findByRole('img', { name: '方案A' })).toBeTruthy();
    expect(within(report).getByText('暂无截图')).toBeTruthy();
    expect(capture).toHaveBeenCalledTimes(1);
    // The report's table is untagged: the board's numbers stay the only ones tests read.
    expect(report.querySelector('[data-indicator]')).toBeNull();
    await userEvent.click(within(report).getByRole('button', { name: '打印 / 另存为 PDF' }));
    expect(print).toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    print.mockRestore();
  });
});

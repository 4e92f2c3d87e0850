import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateAlerts } from '../../../src/analysis/alerts/evaluate';
import { EMPTY_ALERT_STATE, type Observation } from '../../../src/analysis/alerts/types';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { AlertList, ALERT_FLY_RADIUS_M } from '../../../src/ui/live/AlertList';
import { renderUi } from '../render';

vi.mock('uplot', () => import('./uplotMock'));

const T = 1_800_000_000_000;
const rules = [{ id: 'water', reopenWithinS: 600 }, { id: 'crash', reopenWithinS: 600 }];

function o(id: string, severity: Observation['severity'], x: number, kind: 'sensor' | 'incident' = 'sensor'): Observation {
  return {
    ruleId: kind === 'sensor' ? 'water' : 'crash', cause: kind === 'sensor' ? 'threshold' : 'incident', severity, value: kind === 'sensor' ? 27.5 : null,
    unit: 'cm', threshold: kind === 'sensor' ? 25 : null,
    asset: { kind, id, x, y: 2 * x, type: kind === 'sensor' ? 'water_level' : 'crash', name: { zh: `${id} 下立交`, en: `${id} underpass` } },
  };
}

function seeded(): AppStore {
  const store = createAppStore();
  let s = evaluateAlerts(EMPTY_ALERT_STATE, [o('u1', 'major', 100), o('u2', 'critical', 200), o('i1', 'minor', 300, 'incident')], rules, T);
  s = evaluateAlerts(s, [o('u1', 'major', 100), o('u2', 'critical', 200)], rules, T + 1000);
  store.getState().setAlertState(s);
  return store;
}

describe('AlertList', () => {
  let store: AppStore;
  beforeEach(() => {
    store = seeded();
  });

  it('counts open alerts by severity and lists them most severe first, from the store', () => {
    renderUi(<AlertList now={() => T + 5000} />, { store });
    expect(screen.getByTestId('alert-count-critical').dataset.count).toBe('1');
    expect(screen.getByTestId('alert-count-major').dataset.count).toBe('1');
    expect(screen.getByTestId('alert-count-minor').dataset.count).toBe('1');
    expect(screen.getByTestId('alert-count-info').dataset.count).toBe('0');
    const items = screen.getAllByTestId('alert');
    expect(items.map((i) => i.dataset.severity)).toEqual(['critical', 'major', 'minor']);
    expect(items[0]!.textContent).toContain('u2 下立交');
    expect(items[0]!.textContent).toContain('27.5 cm');
    // The crash has recovered: still open, marked as recovered.
    expect(items[2]!.dataset.active).toBe('no');
    expect(items[2]!.textContent).toContain('已恢复');
  });

  it('says so when nothing is open', () => {
    renderUi(<AlertList />, { store: createAppStore() });
    expect((screen.getByTestId('alerts-empty')).textContent).toContain('暂无未关闭告警');
  });

  it('acknowledges and closes under the operator on duty, and shows the audit trail', () => {
    renderUi(<AlertList now={() => T + 5000} />, { store });
    fireEvent.change(screen.getByLabelText('值班人员'), { target: { value: '张三' } });
    const first = () => screen.getAllByTestId('alert')[0]!;
    fireEvent.click(within(first()).getByRole('button', { name: '确认' }));
    expect(first().dataset.status).toBe('acknowledged');
    fireEvent.click(within(first()).getByRole('button', { name: '关闭' }));
    expect(screen.getAllByTestId('alert')).toHaveLength(2);
    expect(screen.getByTestId('alert-count-critical').dataset.count).toBe('0');
    const closedId = store.getState().alertState.alerts.find((a) => a.status === 'closed')!.id;
    const audit = store.getState().alertState.audit.filter((e) => e.alertId === closedId);
    expect(audit.map((e) => [e.action, e.actor.name, e.atMs])).toEqual([['raised', 'system', T], ['acknowledged', '张三', T + 5000], ['closed', '张三', T + 5000]]);

    fireEvent.click(screen.getByRole('button', { name: '显示已关闭（1）' }));
    const closed = screen.getAllByTestId('alert').find((el) => el.dataset.status === 'closed')!;
    fireEvent.click(within(closed).getByRole('button', { name: '处置记录（3）' }));
    const entries = within(closed).getAllByTestId('audit-entry');
    expect(entries.map((e) => e.dataset.action)).toEqual(['raised', 'acknowledged', 'closed']);
    expect(entries[1]!.textContent).toContain('张三（值班员）');
    expect(entries[0]!.textContent).toContain('系统');
  });

  it('clicking an alert flies to its asset and selects it', () => {
    renderUi(<AlertList />, { store });
    fireEvent.click(within(screen.getAllByTestId('alert')[2]!).getByTitle('在地图上定位'));
    const fly = store.getState().flyRequest;
    expect(fly).toMatchObject({ kind: 'target', target: [300, 600, 0], radiusM: ALERT_FLY_RADIUS_M });
    expect(store.getState().liveSelected).toEqual({ kind: 'incident', id: 'i1' });
  });

  it('follows the store: a new alert pushed by the engine appears', () => {
    renderUi(<AlertList />, { store });
    act(() => {
      const s = store.getState().alertState;
      store.getState().setAlertState(evaluateAlerts(s, [o('u1', 'major', 100), o('u2', 'critical', 200), o('u9', 'info', 9)], rules, T + 2000));
    });
    expect(screen.getByTestId('alert-count-info').dataset.count).toBe('1');
  });

  it('renders in English', () => {
    renderUi(<AlertList />, { store, lang: 'en' });
    expect(screen.getByRole('heading', { name: 'Alerts' })).toBeTruthy();
    expect(screen.getAllByTestId('alert')[0]!.textContent).toContain('u2 underpass');
  });
});

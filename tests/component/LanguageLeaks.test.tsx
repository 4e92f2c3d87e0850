/**
 * No text of the other language leaks into the UI (issue 15 item 16): in English the operator on
 * duty is not 值班员 and the data notes are English only; in Chinese an error has a Chinese
 * headline, with the machine's reason kept in English after it.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { evaluateAlerts } from '../../src/analysis/alerts/evaluate';
import { EMPTY_ALERT_STATE } from '../../src/analysis/alerts/types';
import type { Scene } from '../../src/scene/schema';
import { createAppStore } from '../../src/state/store';
import { Attribution } from '../../src/ui/Attribution';
import { ErrorList } from '../../src/ui/ErrorList';
import { AlertList } from '../../src/ui/live/AlertList';
import { OperatorField } from '../../src/ui/live/OperatorField';
import { makeScene } from './fixtures';
import { renderUi } from './render';

vi.mock('uplot', () => import('./live/uplotMock'));

const CJK = /[\u3400-\u9fff]/;
const T = 1_800_000_000_000;

function withAlert() {
  const store = createAppStore();
  store.getState().setAlertState(evaluateAlerts(EMPTY_ALERT_STATE, [{
    ruleId: 'water', cause: 'threshold', severity: 'critical', value: 27.5, unit: 'cm', threshold: 25,
    asset: { kind: 'sensor', id: 'u1', x: 1, y: 2, type: 'water_level', name: { zh: '下立交', en: 'Underpass' } },
  }], [{ id: 'water', reopenWithinS: 600 }], T));
  return store;
}

describe('language leaks', () => {
  it('in English the operator field and the audit log show a translated default, never 值班员', () => {
    const store = withAlert();
    renderUi(<AlertList now={() => T + 1000} />, { store, lang: 'en' });
    const name = screen.getByLabelText('Operator') as HTMLInputElement;
    expect(name.value).not.toMatch(CJK);
    expect(name.placeholder).toBe('Duty officer');
    const item = screen.getAllByTestId('alert')[0]!;
    fireEvent.click(within(item).getByRole('button', { name: 'Acknowledge' }));
    fireEvent.click(within(item).getByRole('button', { name: /^History/ }));
    const entries = within(item).getAllByTestId('audit-entry');
    expect(entries[1]!.textContent).toContain('Duty officer');
    expect(entries.map((e) => e.textContent).join(' ')).not.toMatch(CJK);
  });

  it('a typed operator name is kept as typed', () => {
    const store = createAppStore();
    store.getState().setOperator({ name: 'Li Lei', role: 'shift-lead' });
    renderUi(<OperatorField />, { store, lang: 'en' });
    expect((screen.getByLabelText('Operator') as HTMLInputElement).value).toBe('Li Lei');
  });

  it('data notes show only the current language', () => {
    const scene = {
      ...makeScene(),
      attribution: [
        { text: '© OpenStreetMap contributors (ODbL 1.0)', url: 'https://www.openstreetmap.org/copyright' },
        { text: { zh: '生成建筑为合成数据', en: 'Generated buildings are synthetic' } },
      ],
    } as Scene;
    const { unmount } = renderUi(<Attribution scene={scene} onAbout={() => {}} />, { lang: 'en' });
    const en = screen.getByLabelText('Data sources').textContent ?? '';
    expect(en).toContain('Generated buildings are synthetic');
    expect(en).not.toMatch(CJK);
    unmount();
    renderUi(<Attribution scene={scene} onAbout={() => {}} />, { lang: 'zh' });
    const zh = screen.getByLabelText('数据来源').textContent ?? '';
    expect(zh).toContain('生成建筑为合成数据');
    expect(zh).not.toContain('synthetic');
  });

  it('in Chinese an error has a Chinese headline; the machine reason stays English after it', () => {
    const store = createAppStore();
    store.getState().reportError('feed', 'ws://127.0.0.1:1/', 'cannot reach the feed: closed (1006); retrying', 0, 'feed-unreachable');
    store.getState().reportError('url', 'lang', 'must be "zh" or "en"; using "en" from the browser\'s languages');
    renderUi(<ErrorList />, { store });
    const heads = screen.getAllByTestId('error-headline').map((h) => h.textContent);
    expect(heads).toEqual(['链接参数有误，已忽略', '无法连接实时数据源，正在重试']);
    const items = screen.getAllByRole('listitem');
    expect(items[1]!.textContent).toContain('closed (1006)');
    expect(items[1]!.querySelector('.st-error__message')!.getAttribute('lang')).toBe('en');
  });
});

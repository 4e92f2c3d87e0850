/**
 * Drills give feedback (issue 15 item 3): the pressed drill shows as running with its elapsed
 * time, its confirmation sits right under the buttons (before anything else in the panel), and it
 * says when the effects are due at the current speed, from the measured drill timings.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { emptyFeedSummary } from '../../../src/feed/summary';
import { FeedControlContext } from '../../../src/state/feedControl';
import { createAppStore } from '../../../src/state/store';
import { ScenarioPanel } from '../../../src/ui/live/ScenarioPanel';
import { formatSpan } from '../../../src/ui/live/drillFormat';
import { renderUi } from '../render';

const SIM0 = 1_763_600_000_000;

function setup(timeScale = 1) {
  const store = createAppStore();
  store.getState().setFeedSummary({ ...emptyFeedSummary(), status: 'connected', simTimeMs: SIM0, timeScale });
  const control = vi.fn();
  let wall = 1_800_000_000_000;
  const now = () => wall;
  renderUi(
    <FeedControlContext.Provider value={{ canControl: true, control }}>
      <ScenarioPanel now={now} />
    </FeedControlContext.Provider>,
    { store },
  );
  const advance = (simS: number) =>
    act(() => {
      wall += (simS * 1000) / timeScale;
      store.getState().setFeedSummary({ ...store.getState().feed, simTimeMs: (store.getState().feed.simTimeMs ?? SIM0) + simS * 1000 });
    });
  return { store, control, advance };
}

describe('ScenarioPanel drills', () => {
  it('a pressed drill stays pressed, is confirmed right under the buttons, and counts its elapsed time', () => {
    const { control, advance } = setup(1);
    const button = screen.getByRole('button', { name: '暴雨' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(control).toHaveBeenCalledWith({ scenario: 'rainstorm' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    const status = screen.getByTestId('drill-status');
    expect(status.textContent).toContain('已触发：暴雨');
    expect(status.textContent).toContain('运行中');
    // The confirmation comes before the speed selector: it is the first thing after the buttons.
    const speed = screen.getByRole('combobox');
    expect(status.compareDocumentPosition(speed) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(button.parentElement!.nextElementSibling).toBe(status);
    // At 1× the alarm is a quarter of an hour away, and the panel says so.
    expect(status.textContent).toContain('下立交积水报警：按当前 1× 约在触发后 16–21 分钟');
    advance(125);
    expect(screen.getByTestId('drill-elapsed-rainstorm').textContent).toContain('2:05');
  });

  it('at 60× the same alarm is due in seconds, and the wall time is shown beside the simulated time', () => {
    const { advance } = setup(60);
    fireEvent.click(screen.getByRole('button', { name: '暴雨' }));
    expect(screen.getByTestId('drill-status').textContent).toContain('下立交积水报警：按当前 60× 约在触发后 16–21 秒');
    advance(600);
    expect(screen.getByTestId('drill-elapsed-rainstorm').textContent).toContain('10:00');
    expect(screen.getByTestId('drill-elapsed-rainstorm').textContent).toContain('实际 0:10');
  });

  it('a drill ends after its duration and is no longer pressed; pressing again restarts it', () => {
    const { advance } = setup(60);
    const button = screen.getByRole('button', { name: 'RSU 故障' });
    fireEvent.click(button);
    advance(3600);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('drill-status').textContent).toContain('已结束');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('drill-status').querySelectorAll('[data-drill="rsu-fail"]')).toHaveLength(1);
  });
});

describe('drill spans', () => {
  it('reads short spans in seconds and long ones in minutes', () => {
    expect(formatSpan(0, 0.5, 'zh')).toBe('立即');
    expect(formatSpan(16, 21, 'en')).toBe('16–21 s');
    expect(formatSpan(960, 1260, 'zh')).toBe('16–21 分钟');
    expect(formatSpan(30, 30, 'en')).toBe('30 s');
  });
});

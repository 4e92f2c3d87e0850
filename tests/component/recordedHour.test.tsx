/**
 * The sensor panel's recorded hour (useRecordedHour): asked from the feed server's recording for
 * the selected sensor, ending at live or at the replayed moment; nothing for the in-memory
 * recording (it keeps no readings), so the panel keeps its own sampled trend there.
 */
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_TIME_MACHINE } from '../../src/feed/replay/TimeMachine';
import { createAppStore } from '../../src/state/store';
import type { TimeMachineControl } from '../../src/state/timeMachineSlice';
import { RECORDED_SPAN_MS, useRecordedHour } from '../../src/ui/live/useRecordedHour';
import { renderUi } from './render';

const T = Date.UTC(2026, 11, 1, 23, 30, 0);

function Probe({ id }: { id: string }) {
  const r = useRecordedHour(id);
  return <p data-testid="probe">{r ? r.v.join(',') : 'none'}</p>;
}

function setup(source: 'server' | 'memory') {
  const store = createAppStore();
  const asked: { id: string; from: number; to: number }[] = [];
  const control: TimeMachineControl = {
    seek: vi.fn(), play: vi.fn(), pause: vi.fn(), setSpeed: vi.fn(), live: vi.fn(),
    sensorReadings: (id, from, to, done) => {
      asked.push({ id, from, to });
      done([[to - 120_000, 1.5], [to - 60_000, 2.5]]);
    },
  };
  store.getState().setTimeMachineControl(control);
  store.getState().setTimeMachine({ ...EMPTY_TIME_MACHINE, available: true, source, range: { fromTs: T - 7_200_000, toTs: T } });
  renderUi(<Probe id="wl-1" />, { store });
  return { store, asked };
}

describe('useRecordedHour', () => {
  it('shows the server\'s last hour of the sensor, and follows a replay to its moment', () => {
    const { store, asked } = setup('server');
    expect(screen.getByTestId('probe').textContent).toBe('1.5,2.5');
    expect(asked[0]!.id).toBe('wl-1');
    expect(asked[0]!.to - asked[0]!.from).toBe(RECORDED_SPAN_MS);
    expect(asked[0]!.to).toBeGreaterThanOrEqual(T);
    act(() => store.getState().setTimeMachine({ ...store.getState().timeMachine, mode: 'replay', atMs: T - 3_600_000 }));
    expect(asked).toHaveLength(2);
    expect(asked[1]!.to).toBeLessThanOrEqual(T - 3_600_000 + 60_000);
  });

  it('asks nothing of the in-memory recording', () => {
    const { asked } = setup('memory');
    expect(screen.getByTestId('probe').textContent).toBe('none');
    expect(asked).toHaveLength(0);
  });
});

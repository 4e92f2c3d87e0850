/**
 * A sensor's last hour from the feed server's recording (`history` readings), for the sensor
 * panel's sparkline: asked when the panel opens and again every minute. Null where there is no
 * recording that keeps readings (the built-in simulator, a server without --data-dir): the panel
 * then draws the trend this viewer sampled itself. During a replay the hour ends at the replayed
 * moment.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../state/hooks';

export const RECORDED_SPAN_MS = 3_600_000;
const REFRESH_MS = 60_000;

export function useRecordedHour(sensorId: string): { t: number[]; v: number[] } | null {
  const control = useAppStore((s) => s.timeMachineControl);
  const fromServer = useAppStore((s) => s.timeMachine.source === 'server' && s.timeMachine.available);
  const atMs = useAppStore((s) => s.timeMachine.atMs);
  const liveEnd = useAppStore((s) => s.timeMachine.range?.toTs ?? null);
  const [series, setSeries] = useState<{ id: string; t: number[]; v: number[] } | null>(null);
  // Whole minutes, so the request is not repeated on every slider update.
  const endMinute = Math.floor((atMs ?? liveEnd ?? 0) / REFRESH_MS);

  useEffect(() => {
    if (!control || !fromServer || endMinute <= 0) return;
    let live = true;
    const to = (endMinute + 1) * REFRESH_MS;
    control.sensorReadings(sensorId, to - RECORDED_SPAN_MS, to, (pairs) => {
      if (live) setSeries({ id: sensorId, t: pairs.map((p) => p[0]), v: pairs.map((p) => p[1]) });
    });
    return () => {
      live = false;
    };
  }, [control, fromServer, sensorId, endMinute]);

  return fromServer && series?.id === sensorId && series.t.length > 1 ? series : null;
}

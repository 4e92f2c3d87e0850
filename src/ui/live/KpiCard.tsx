/** One vital sign: its name, current value, a detail line and a short trend line. */
import type { ReactNode } from 'react';
import { Sparkline } from './Sparkline';

interface Props {
  kpi: string;
  name: string;
  value: string;
  /** The raw number behind the value (tests compare it with the test hook's state). */
  raw: number | null;
  unit?: string;
  detail?: ReactNode;
  trend: { t: number[]; v: (number | null)[] } | null;
  trendLabel: string;
  tone?: 'ok' | 'warn' | 'bad';
}

export const TREND_SIZE = { width: 132, height: 22 } as const;
const TONE_COLOR = { ok: '#38bdf8', warn: '#fbbf24', bad: '#f87171' } as const;

export function KpiCard({ kpi, name, value, raw, unit, detail, trend, trendLabel, tone = 'ok' }: Props) {
  return (
    <li className="st-kpi" data-testid={`kpi-${kpi}`} data-value={raw === null ? '' : String(raw)} data-tone={tone}>
      <span className="st-kpi__name">{name}</span>
      <span className="st-kpi__value">
        <strong>{value}</strong>
        {unit && value !== '—' && <span className="st-kpi__unit">{unit}</span>}
      </span>
      {detail && <span className="st-kpi__detail">{detail}</span>}
      {trend && trend.t.length > 1 && (
        <Sparkline t={trend.t} v={trend.v} width={TREND_SIZE.width} height={TREND_SIZE.height} color={TONE_COLOR[tone]} label={trendLabel} />
      )}
    </li>
  );
}

/**
 * One vital sign: its name, current value, a detail line and a short trend line. A warming-up
 * card (some of its sensors not yet due for a first report) is drawn neutral, never red: a
 * partial sample right after a zone opens is not an incident.
 */
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
  tone?: KpiTone;
  /** Set while the KPI is warming up: the badge text and its explanation. */
  warming?: { label: string; title: string } | null;
  /** The trend line's size in CSS px; the big screen draws it larger. */
  trendSize?: { width: number; height: number };
}

export type KpiTone = 'ok' | 'warn' | 'bad' | 'pending';

export const TREND_SIZE = { width: 132, height: 22 } as const;
const TONE_COLOR: Record<KpiTone, string> = { ok: '#38bdf8', warn: '#fbbf24', bad: '#f87171', pending: '#94a3b8' };

export function KpiCard({ kpi, name, value, raw, unit, detail, trend, trendLabel, tone = 'ok', warming = null, trendSize = TREND_SIZE }: Props) {
  return (
    <li
      className="st-kpi"
      data-testid={`kpi-${kpi}`}
      data-kpi={kpi}
      data-value={raw === null ? '' : String(raw)}
      data-tone={tone}
      data-warming={warming ? '1' : undefined}
      title={warming?.title}
    >
      <span className="st-kpi__name">
        {name}
        {warming?.label && (
          <span className="st-badge st-badge--small st-kpi__warming" title={warming.title} data-testid={`kpi-warming-${kpi}`}>
            {warming.label}
          </span>
        )}
      </span>
      <span className="st-kpi__value">
        <strong>{value}</strong>
        {unit && value !== '—' && <span className="st-kpi__unit">{unit}</span>}
      </span>
      {detail && <span className="st-kpi__detail">{detail}</span>}
      {trend && trend.t.length > 1 && (
        <Sparkline t={trend.t} v={trend.v} width={trendSize.width} height={trendSize.height} color={TONE_COLOR[tone]} label={trendLabel} />
      )}
    </li>
  );
}

/**
 * A skyline result as a uPlot chart: elevation angle against azimuth, the analysed state's line
 * and, when it was compared, today's line beside it. uPlot is loaded on first use, as the live
 * panel's sparklines load it (it needs a canvas); the chart is made in an effect and destroyed in
 * its cleanup. Azimuths run on past 360° across north so that the line stays continuous; the axis
 * prints them wrapped.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SkylineProfile } from '../../../analysis/visibility';

type UplotCtor = typeof uPlot;
let uplotModule: Promise<UplotCtor> | null = null;

function loadUplot(): Promise<UplotCtor> {
  uplotModule ??= import('uplot').then((m) => m.default);
  return uplotModule;
}

export const SKYLINE_CHART_WIDTH = 300;
export const SKYLINE_CHART_HEIGHT = 170;
const SCHEME_COLOR = '#f59e0b';
const EXISTING_COLOR = '#60a5fa';

/** x (unwrapped azimuth), the profile's elevations and, when compared, today's. */
export function skylineChartData(profile: SkylineProfile, existing: SkylineProfile | null): number[][] {
  const x: number[] = [];
  for (let k = 0; k < profile.count; k++) x.push(profile.startAzimuthDeg + k * profile.stepDeg);
  const data = [x, Array.from(profile.elevationDeg)];
  if (existing && existing.count === profile.count) data.push(Array.from(existing.elevationDeg));
  return data;
}

const wrap = (d: number): number => ((d % 360) + 360) % 360;

interface Props {
  profile: SkylineProfile;
  existing: SkylineProfile | null;
}

export function SkylineChart({ profile, existing }: Props) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const data = useMemo(() => skylineChartData(profile, existing), [profile, existing]);
  const labels = useMemo(
    () => ({
      azimuth: t('planning.tools.detail.azimuth'),
      elevation: t('planning.tools.detail.elevation'),
      scheme: t('planning.tools.detail.scheme'),
      existing: t('planning.tools.detail.existing'),
    }),
    [t],
  );

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let disposed = false;
    let u: uPlot | null = null;
    const compared = data.length > 2;
    const opts: uPlot.Options = {
      width: SKYLINE_CHART_WIDTH,
      height: SKYLINE_CHART_HEIGHT,
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false }, y: { range: [0, 90] } },
      axes: [
        { label: labels.azimuth, values: (_u, splits) => splits.map((v) => `${Math.round(wrap(v))}°`) },
        { label: labels.elevation },
      ],
      series: [
        {},
        { label: compared ? labels.scheme : labels.elevation, stroke: SCHEME_COLOR, width: 1.5, points: { show: false } },
        ...(compared ? [{ label: labels.existing, stroke: EXISTING_COLOR, width: 1.5, dash: [4, 3], points: { show: false } }] : []),
      ],
    };
    void loadUplot()
      .then((UPlot) => {
        if (!disposed) u = new UPlot(opts, data as uPlot.AlignedData, el);
      })
      // Without a canvas the values listed beside the chart still carry the result.
      .catch(() => undefined);
    return () => {
      disposed = true;
      u?.destroy();
    };
  }, [data, labels]);

  return <div ref={host} className="st-tools-chart" role="img" aria-label={t('planning.tools.detail.chart')} data-testid="skyline-chart" />;
}

/**
 * The sun-path diagram of the zone on the profile's standard day: a polar plot (north up, zenith
 * in the middle, horizon on the rim) with the day's path, whole-hour marks in true solar time, the
 * analysis window drawn thicker, and the sun's current position when it is on that day.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hourMarks, sunPath, type CalendarDay } from '../../../analysis/sunlight/shadowStudy';
import { sunPosition } from '../../../analysis/sunlight/solarPosition';
import { altitudeRings, pathD, polarXY, type PolarFrame } from './sunPathModel';

const SIZE = 220;
const FRAME: PolarFrame = { cx: SIZE / 2, cy: SIZE / 2, r: SIZE / 2 - 18 };
const PATH_STEP_MIN = 5;

interface Props {
  latDeg: number;
  lonDeg: number;
  day: CalendarDay;
  windowStartTst: number;
  windowEndTst: number;
  termName: string;
  /** The sun time shown in the view, if it lies within the standard day. */
  nowUtcMs: number | null;
}

export function SunPathDiagram({ latDeg, lonDeg, day, windowStartTst, windowEndTst, termName, nowUtcMs }: Props) {
  const { t } = useTranslation();
  const geo = useMemo(() => {
    const path = sunPath(latDeg, lonDeg, day, PATH_STEP_MIN);
    const inWindow = path.filter((p) => p.tstHours >= windowStartTst && p.tstHours <= windowEndTst);
    const marks = hourMarks(latDeg, lonDeg, day).map((m) => ({ h: Math.round(m.tstHours), xy: polarXY(m, FRAME) }));
    return { all: pathD(path, FRAME), window: pathD(inWindow, FRAME), marks };
  }, [latDeg, lonDeg, day, windowStartTst, windowEndTst]);
  const now = useMemo(() => {
    if (nowUtcMs === null) return null;
    const p = sunPosition(nowUtcMs, latDeg, lonDeg);
    return p.altitudeRad > 0 ? polarXY(p, FRAME) : null;
  }, [nowUtcMs, latDeg, lonDeg]);

  const title = t('planning.sunlight.shadow.sunPath', { term: termName });
  return (
    <figure className="st-sun-path" data-testid="sun-path">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={t('planning.sunlight.shadow.sunPathAlt', { term: termName })}>
        {altitudeRings(FRAME).map((ring) => (
          <circle key={ring.altDeg} cx={FRAME.cx} cy={FRAME.cy} r={ring.r} className={ring.altDeg === 0 ? 'st-sun-path__rim' : 'st-sun-path__grid'} />
        ))}
        <line x1={FRAME.cx} y1={FRAME.cy - FRAME.r} x2={FRAME.cx} y2={FRAME.cy + FRAME.r} className="st-sun-path__grid" />
        <line x1={FRAME.cx - FRAME.r} y1={FRAME.cy} x2={FRAME.cx + FRAME.r} y2={FRAME.cy} className="st-sun-path__grid" />
        <text x={FRAME.cx} y={12} textAnchor="middle" className="st-sun-path__label">
          {t('planning.sunlight.shadow.north')}
        </text>
        <path d={geo.all} className="st-sun-path__day" />
        <path d={geo.window} className="st-sun-path__window" />
        {geo.marks.map((m) => (
          <g key={m.h}>
            <circle cx={m.xy[0]} cy={m.xy[1]} r={2.5} className="st-sun-path__mark" />
            <text x={m.xy[0]} y={m.xy[1] - 5} textAnchor="middle" className="st-sun-path__hour">
              {m.h}
            </text>
          </g>
        ))}
        {now && <circle cx={now[0]} cy={now[1]} r={6} className="st-sun-path__sun" data-testid="sun-path-now" />}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

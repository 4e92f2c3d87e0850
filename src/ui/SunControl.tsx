/**
 * Sun date and time of day for daylight and shadow studies, always in Shanghai time (UTC+8)
 * whatever the machine's zone, because planners reason in local solar hours.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatMinutes,
  fromShanghaiParts,
  MINUTES_PER_DAY,
  sceneSunDefaultMs,
  toShanghaiParts,
} from '../app/shanghaiTime';
import type { Scene } from '../scene/schema';
import { useAppStore } from '../state/hooks';
import { resolveSunTimeMs } from '../views/three/sunModel';

/** Slider step: finer than shadows visibly move, coarse enough for a touch drag. */
const SLIDER_STEP_MIN = 5;

export function SunControl({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const ids = { date: useId(), time: useId(), title: useId() };
  const sunTimeMs = useAppStore((s) => s.sunTimeMs);
  const shadows = useAppStore((s) => s.shadows);
  const setSunTime = useAppStore((s) => s.setSunTime);
  const setShadows = useAppStore((s) => s.setShadows);

  const sceneDefault = useMemo(() => sceneSunDefaultMs(scene.sunDefault), [scene.sunDefault]);
  // The view's own rule for "no time chosen", so this control shows what is drawn.
  const effective = resolveSunTimeMs(sunTimeMs, scene.sunDefault);
  const parts = toShanghaiParts(effective);

  return (
    <section className="st-section" aria-labelledby={ids.title}>
      <h2 id={ids.title} className="st-section__title">
        {t('sun.title')}
      </h2>
      <div className="st-field">
        <label htmlFor={ids.date}>{t('sun.date')}</label>
        <input
          id={ids.date}
          className="st-input"
          type="date"
          value={parts.date}
          onChange={(e) => {
            const ms = fromShanghaiParts(e.target.value, parts.minutes);
            if (ms !== null) setSunTime(ms);
          }}
        />
      </div>
      <div className="st-field">
        <label htmlFor={ids.time}>
          {t('sun.time')} <output className="st-sun__time">{formatMinutes(parts.minutes)}</output>{' '}
          <span className="st-muted">{t('sun.zone')}</span>
        </label>
        <input
          id={ids.time}
          className="st-range"
          type="range"
          min={0}
          max={MINUTES_PER_DAY - SLIDER_STEP_MIN}
          step={SLIDER_STEP_MIN}
          value={parts.minutes - (parts.minutes % SLIDER_STEP_MIN)}
          aria-valuetext={formatMinutes(parts.minutes)}
          onChange={(e) => {
            const ms = fromShanghaiParts(parts.date, Number(e.target.value));
            if (ms !== null) setSunTime(ms);
          }}
        />
      </div>
      <div className="st-row">
        <label className="st-toggle">
          <input type="checkbox" checked={shadows} onChange={(e) => setShadows(e.target.checked)} />
          <span>{t('sun.shadows')}</span>
        </label>
        {sunTimeMs !== null && sunTimeMs !== sceneDefault && (
          <button type="button" className="st-btn st-btn--small" onClick={() => setSunTime(null)}>
            {t('sun.reset')}
          </button>
        )}
      </div>
    </section>
  );
}

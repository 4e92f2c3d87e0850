/**
 * The big screen's title bar: the zone's name, the clock in Beijing time (the operation centre's,
 * whatever the machine's zone), the weather as far as the feed tells it (titleInfo.ts), how fresh
 * the data is, the tour's buttons (the keyboard does the same) and the language. Re-rendered once
 * a second for the clock, which is also when it reads the water sensors through getState().
 */
import { useTranslation } from 'react-i18next';
import { toShanghaiParts } from '../../app/shanghaiTime';
import { liveConfigOf } from '../../analysis/live/liveConfig';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { formatClock, formatNumber } from '../../ui/live/format';
import { useUiTick } from '../../ui/live/useUiTick';
import { deepestWaterCm, freshness, weatherReading } from './titleInfo';
import type { TourControls, TourHud } from './useTourController';

interface Props {
  scene: Scene;
  tour: TourHud;
  controls: TourControls;
}

export function TitleBar({ scene, tour, controls }: Props) {
  const { t } = useTranslation();
  useUiTick(1000);
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const drills = useAppStore((s) => s.drills);
  const feed = useAppStore((s) => s.feed);
  const nowMs = Date.now();
  const water = liveConfigOf(scene).sensorThresholds.water_level;
  const weather = weatherReading({
    drills, simTimeMs: feed.simTimeMs, timeScale: feed.timeScale, nowMs,
    waterCm: deepestWaterCm(store.getState().feedBuffers?.sensors), water: water ? { warn: water.warn, alarm: water.alarm } : null,
  });
  const fresh = freshness(feed, nowMs);
  const state = tour.snapshot?.state;

  return (
    <header className="st-screen__title st-screen__card" data-screen-part="title" data-testid="screen-title">
      <div className="st-screen__brand">
        <h1 className="st-screen__zone" data-testid="screen-zone-name">{scene.name[lang]}</h1>
        <span className="st-screen__subtitle">{t('modes.screenShell.title')}</span>
      </div>
      <div className="st-screen__readings">
        <div className="st-screen__reading" data-testid="screen-clock" title={t('modes.screenShell.clock')}>
          <span className="st-screen__reading-label">{toShanghaiParts(nowMs).date}</span>
          <strong className="st-screen__clock">{formatClock(nowMs)}</strong>
        </div>
        <div className="st-screen__reading" data-testid="screen-weather" data-kind={weather.kind} data-tone={weather.tone} title={t('modes.screenShell.weather.note')}>
          <span className="st-screen__reading-label">{t('modes.screenShell.weather.label')}</span>
          <strong>{t(`modes.screenShell.weather.${weather.kind}`)}</strong>
          {weather.waterCm !== null && (
            <span className="st-screen__reading-extra">{t('modes.screenShell.weather.water', { v: formatNumber(weather.waterCm, lang, 1) })}</span>
          )}
        </div>
        <div className="st-screen__reading" data-testid="screen-freshness" data-status={fresh.status} data-tone={fresh.tone}>
          <span className="st-screen__reading-label">{t('modes.screenShell.freshness.label')}</span>
          <strong>{t(`feed.status.${fresh.status}`)}</strong>
          <span className="st-screen__reading-extra">
            {fresh.ageS === null ? t('modes.screenShell.freshness.none') : t('modes.screenShell.freshness.age', { s: fresh.ageS })}
          </span>
        </div>
      </div>
      <div className="st-screen__controls">
        {tour.snapshot && tour.local && (
          <div className="st-screen__tour-buttons" role="group" aria-label={t('modes.screenShell.tour.label')}>
            <button type="button" className="st-screen__btn" onClick={controls.prev} aria-label={t('modes.screenShell.tour.prev')} data-testid="tour-prev">
              ◀
            </button>
            <button
              type="button"
              className="st-screen__btn st-screen__btn--wide"
              onClick={controls.toggle}
              aria-pressed={state === 'paused'}
              data-testid="tour-toggle"
            >
              {state === 'paused' ? t('modes.screenShell.tour.resume') : t('modes.screenShell.tour.pause')}
            </button>
            <button type="button" className="st-screen__btn" onClick={controls.next} aria-label={t('modes.screenShell.tour.next')} data-testid="tour-next">
              ▶
            </button>
          </div>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}

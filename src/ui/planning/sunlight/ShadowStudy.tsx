/**
 * The shadow study of the profile's standard day: a time-lapse that moves the sun time across the
 * analysis window (the view's own sun light then draws the shadows), a scrubber, the sun-path
 * diagram, and the shadow envelope of the analysed scheme over the window drawn on the ground.
 * The time-lapse ticks a few times a second (timeLapse.ts), never per frame; its timer lives and
 * dies with the effect that plays it.
 */
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { buildingsOfState } from '../../../analysis/planning/statePair';
import { PROFILES, isProfileId } from '../../../analysis/sunlight/profiles';
import { shadowEnvelopePolygons } from '../../../analysis/sunlight/shadowStudy';
import { standardDay } from '../../../analysis/sunlight/solarTerms';
import { trueSolarToUtc } from '../../../analysis/sunlight/solarTime';
import { formatMinutes, toShanghaiParts } from '../../../app/shanghaiTime';
import { useAppStore, useAppStoreApi } from '../../../state/hooks';
import { setShadowEnvelope, shadowEnvelopeNow, subscribeSunlightResults, sunlightResultsVersion } from '../../../state/sunlightResults';
import { checkProfile, tstText } from './profileForm';
import { SunPathDiagram } from './SunPathDiagram';
import { advance, lapseShare, TIME_LAPSE_SPEEDS, TIME_LAPSE_TICK_MS } from './timeLapse';

interface Props {
  latDeg: number;
  lonDeg: number;
  year: number;
}

export function ShadowStudy({ latDeg, lonDeg, year }: Props) {
  const { t } = useTranslation();
  const ids = { speed: useId(), scrub: useId(), title: useId() };
  const store = useAppStoreApi();
  const settings = useAppStore((s) => s.sunlightSettings);
  const sunTimeMs = useAppStore((s) => s.sunTimeMs);
  const setSunTime = useAppStore((s) => s.setSunTime);
  const setShadows = useAppStore((s) => s.setShadows);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const siteId = useAppStore((s) => s.activeSiteId);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(TIME_LAPSE_SPEEDS[1]);
  useSyncExternalStore(subscribeSunlightResults, sunlightResultsVersion);
  const envelope = shadowEnvelopeNow();

  // An invalid form still gets a study: of the chosen profile's own values.
  const profile = checkProfile(settings.profileId, settings.overrides).profile ?? PROFILES[isProfileId(settings.profileId) ? settings.profileId : 'gb50180-dahan'];
  const lapse = useMemo(() => {
    const day = standardDay(year, profile.term);
    return {
      day,
      startMs: trueSolarToUtc(day, profile.windowStartTst, lonDeg),
      endMs: trueSolarToUtc(day, profile.windowEndTst, lonDeg),
      dayStartMs: trueSolarToUtc(day, 0, lonDeg),
      dayEndMs: trueSolarToUtc(day, 24, lonDeg),
    };
  }, [year, profile.term, profile.windowStartTst, profile.windowEndTst, lonDeg]);
  const clock = { startMs: lapse.startMs, endMs: lapse.endMs, speed };

  useEffect(() => {
    if (!playing) return;
    setShadows(true);
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const next = advance({ startMs: lapse.startMs, endMs: lapse.endMs, speed }, store.getState().sunTimeMs ?? lapse.startMs, now - last);
      last = now;
      store.getState().setSunTime(Math.round(next.ms));
      if (next.done) setPlaying(false);
    }, TIME_LAPSE_TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, lapse.startMs, lapse.endMs, store, setShadows]);

  const termName = t(`planning.sunlight.profile.terms.${profile.term}`);
  const onDay = sunTimeMs !== null && sunTimeMs >= lapse.dayStartMs && sunTimeMs <= lapse.dayEndMs;
  const share = onDay ? lapseShare(clock, sunTimeMs) : 0;
  const shownParts = toShanghaiParts(onDay ? sunTimeMs : lapse.startMs);
  const dayText = `${lapse.day.y}-${String(lapse.day.m).padStart(2, '0')}-${String(lapse.day.d).padStart(2, '0')}`;

  const envelopeState = settings.stateId;
  const toggleEnvelope = () => {
    if (envelope) {
      setShadowEnvelope(null);
      return;
    }
    const buildings = siteId ? buildingsOfState(plan, imported, siteId, envelopeState) : [];
    setShadowEnvelope({ stateId: envelopeState, polygons: shadowEnvelopePolygons(buildings, profile, latDeg, lonDeg, year) });
  };

  return (
    <section className="st-sun-study" aria-labelledby={ids.title} data-testid="shadow-study">
      <h3 id={ids.title} className="st-sun-subtitle">
        {t('planning.sunlight.shadow.title')}
      </h3>
      <p className="st-note">
        {t('planning.sunlight.shadow.day', { term: termName, date: dayText, start: tstText(profile.windowStartTst), end: tstText(profile.windowEndTst) })}
      </p>
      <div className="st-row">
        <button
          type="button"
          className="st-btn st-sun-btn"
          aria-pressed={playing}
          onClick={() => {
            if (!playing && !onDay) setSunTime(lapse.startMs);
            setPlaying((p) => !p);
          }}
        >
          {playing ? t('planning.sunlight.shadow.pause') : t('planning.sunlight.shadow.play')}
        </button>
        <label className="st-field st-sun-inline" htmlFor={ids.speed}>
          <span>{t('planning.sunlight.shadow.speed')}</span>
          <select id={ids.speed} className="st-select st-sun-input" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {TIME_LAPSE_SPEEDS.map((v) => (
              <option key={v} value={v}>
                {t(`planning.sunlight.shadow.speeds.${v}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="st-field" htmlFor={ids.scrub}>
        <span>
          <output>{formatMinutes(shownParts.minutes)}</output>
        </span>
        <input
          id={ids.scrub}
          className="st-range"
          type="range"
          min={0}
          max={1000}
          step={1}
          value={Math.round(share * 1000)}
          aria-valuetext={formatMinutes(shownParts.minutes)}
          onChange={(e) => setSunTime(Math.round(lapse.startMs + (Number(e.target.value) / 1000) * (lapse.endMs - lapse.startMs)))}
        />
      </label>
      <SunPathDiagram
        latDeg={latDeg}
        lonDeg={lonDeg}
        day={lapse.day}
        windowStartTst={profile.windowStartTst}
        windowEndTst={profile.windowEndTst}
        termName={termName}
        nowUtcMs={onDay ? sunTimeMs : null}
      />
      <button type="button" className="st-btn st-sun-btn" aria-pressed={envelope !== null} disabled={!siteId} onClick={toggleEnvelope}>
        {envelope ? t('planning.sunlight.shadow.hideEnvelope') : t('planning.sunlight.shadow.envelope')}
      </button>
    </section>
  );
}

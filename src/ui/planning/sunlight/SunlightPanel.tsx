/**
 * 日照分析 in the planner workbench: receivers, state, rule profile (every parameter editable),
 * run with progress and cancel, the result with its tables, export and report, and the shadow
 * study. The computation runs in Web Workers through a SunlightController made in an effect and
 * disposed in its cleanup; tests pass a fake runner. Every result is labelled 方案参考，非报建结论.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { siteSchemes } from '../../../analysis/planning/statePair';
import { EXISTING_STATE } from '../../../analysis/planning/types';
import { beijingDate } from '../../../analysis/sunlight/solarTime';
import { SunlightRunner, type SunlightRunnerLike } from '../../../analysis/sunlight/worker/SunlightRunner';
import type { Scene } from '../../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../../state/hooks';
import { sunlightBusy, SUNLIGHT_MODES, type SunlightMode } from '../../../state/sunlightSlice';
import { setShadowEnvelope, setSunlightResults, sunlightResults } from '../../../state/sunlightResults';
import { captureStates, type StateImage } from '../../../state/viewCapture';
import { resolveSunTimeMs } from '../../../views/three/sunModel';
import { CSV_URL_REVOKE_MS } from '../ComplianceBoard';
import type { CityBuilding } from './analysisInputs';
import { checkProfile, paramPairs } from './profileForm';
import { ProfileForm } from './ProfileForm';
import { ReceiverPicker } from './ReceiverPicker';
import { sunlightCsv } from './resultTables';
import { ShadowStudy } from './ShadowStudy';
import { SunlightController } from './SunlightController';
import { SunlightReport } from './SunlightReport';
import { SunlightResults } from './SunlightResults';
import { loadZoneBuildings } from './zoneBuildings';
import './sunlight.css';

interface Props {
  scene: Scene;
  /** Tests pass a fake; the app runs Web Workers. */
  createRunner?: () => SunlightRunnerLike;
  loadZone?: () => Promise<CityBuilding[]>;
  capture?: (stateIds: readonly string[]) => Promise<StateImage[]>;
}

export function SunlightPanel({ scene, createRunner, loadZone, capture = captureStates }: Props) {
  const { t } = useTranslation();
  const ids = { title: useId(), body: useId(), radio: useId(), a: useId(), b: useId() };
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const siteId = useAppStore((s) => s.activeSiteId);
  const settings = useAppStore((s) => s.sunlightSettings);
  const run = useAppStore((s) => s.sunlightRun);
  const autoRun = useAppStore((s) => s.sunlightAutoRun);
  const sunTimeMs = useAppStore((s) => s.sunTimeMs);
  const setSettings = useAppStore((s) => s.setSunlightSettings);
  const [open, setOpen] = useState(true);
  const [reportOpen, setReportOpen] = useState(false);
  const [controller, setController] = useState<SunlightController | null>(null);
  const year = beijingDate(resolveSunTimeMs(sunTimeMs, scene.sunDefault)).y;
  const { latDeg, lonDeg } = scene.origin;

  useEffect(() => {
    const c = new SunlightController({
      store,
      runner: createRunner ? createRunner() : new SunlightRunner(),
      loadZone: loadZone ?? (() => loadZoneBuildings(scene)),
      latDeg,
      lonDeg,
      year: () => beijingDate(resolveSunTimeMs(store.getState().sunTimeMs, scene.sunDefault)).y,
    });
    setController(c);
    return () => {
      c.dispose();
      setController(null);
    };
  }, [store, scene, latDeg, lonDeg, createRunner, loadZone]);

  // Results belong to their zone; another zone starts without them.
  useEffect(() => () => {
    store.getState().resetSunlightRun();
    setSunlightResults(null);
    setShadowEnvelope(null);
  }, [store, scene.id]);

  const check = checkProfile(settings.profileId, settings.overrides);
  const busy = sunlightBusy(run.status);
  const canRun = !!controller && !!plan && !busy && check.profile !== null;

  // A shared link asked for the analysis: recompute it once the plan and the controller are there.
  useEffect(() => {
    if (!autoRun || !controller || !plan) return;
    store.getState().setSunlightAutoRun(false);
    void controller.run();
  }, [autoRun, controller, plan, store]);

  const schemes = useMemo(() => (siteId ? siteSchemes(plan, imported, siteId) : []), [plan, imported, siteId]);
  const stateName = useCallback(
    (id: string) => (id === EXISTING_STATE ? t('planning.existing') : (schemes.find((s) => s.id === id)?.name[lang] ?? id)),
    [schemes, lang, t],
  );
  const stateOptions = (withExisting: boolean) =>
    [...(withExisting ? [EXISTING_STATE] : []), ...schemes.map((s) => s.id)].map((id) => (
      <option key={id} value={id}>
        {stateName(id)}
      </option>
    ));

  const chooseMode = (mode: SunlightMode) => {
    const first = schemes[0]?.id ?? EXISTING_STATE;
    if (mode === 'impact') setSettings({ mode, stateId: settings.stateId === EXISTING_STATE ? first : settings.stateId });
    else if (mode === 'compare') setSettings({ mode, stateId: first, otherStateId: schemes[1]?.id ?? EXISTING_STATE });
    else setSettings({ mode });
  };

  const exportCsv = () => {
    const r = sunlightResults();
    if (!r || !check.profile) return;
    const params = paramPairs(check.profile).map(([k, v]): [string, string] => [t(`planning.sunlight.profile.params.${k}`), v]);
    const blob = new Blob([sunlightCsv(r.primary, r.buildingNames, lang, params)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${scene.id}-${settings.stateId}-sunlight.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), CSV_URL_REVOKE_MS);
  };
  const closeReport = useCallback(() => setReportOpen(false), []);
  const clear = () => {
    setSunlightResults(null);
    store.getState().resetSunlightRun();
  };
  const captureMap = useCallback(() => capture([store.getState().sunlightSettings.stateId]), [capture, store]);

  const errorText = (): string | null => {
    if (!run.error) return null;
    const [code, detail = ''] = run.error.split(/:\s*/, 2);
    if (code === 'receivers') return `${t('planning.sunlight.run.errors.receivers')}: ${t(`planning.sunlight.run.receiverProblems.${detail}`)}`;
    if (code === 'too-many') return t('planning.sunlight.run.errors.too-many', { n: detail });
    const base = t(`planning.sunlight.run.errors.${code}`, { defaultValue: t('planning.sunlight.run.errors.engine') });
    return detail ? `${base} (${detail})` : base;
  };
  const receiversText = `${t(`planning.sunlight.receivers.kinds.${settings.receivers.kind}`)}${settings.receivers.id ? ` · ${settings.receivers.id}` : ''}`;
  const results = sunlightResults();

  return (
    <section className="st-section st-sun" aria-labelledby={ids.title} data-testid="sunlight-panel" data-status={run.status}>
      <h2 id={ids.title} className="st-section__title st-sun__title">
        <button type="button" className="st-btn st-sun-btn st-sun__toggle" aria-expanded={open} aria-controls={ids.body} onClick={() => setOpen((o) => !o)}>
          {t('planning.sunlight.title')}
        </button>
        <span className="st-badge st-badge--warn st-badge--small">{t('planning.sunlight.label')}</span>
      </h2>
      <div id={ids.body} hidden={!open} className="st-sun__body">
        <ReceiverPicker disabled={busy} />
        <fieldset className="st-sun-fieldset" disabled={busy}>
          <legend>{t('planning.sunlight.state.title')}</legend>
          <div className="st-sun-choices">
            {SUNLIGHT_MODES.map((m) => (
              <label key={m} className="st-chip st-sun-chip">
                <input type="radio" name={ids.radio} checked={settings.mode === m} disabled={m !== 'state' && schemes.length === 0} onChange={() => chooseMode(m)} />
                {t(`planning.sunlight.state.modes.${m}`)}
              </label>
            ))}
          </div>
          <div className="st-sun-pair">
            <label className="st-field" htmlFor={ids.a}>
              <span>{settings.mode === 'compare' ? t('planning.sunlight.state.a') : settings.mode === 'impact' ? t('planning.sunlight.state.scheme') : t('planning.sunlight.state.state')}</span>
              <select id={ids.a} className="st-select st-sun-input" value={settings.stateId} onChange={(e) => setSettings({ stateId: e.target.value })}>
                {stateOptions(settings.mode !== 'impact')}
              </select>
            </label>
            {settings.mode === 'compare' && (
              <label className="st-field" htmlFor={ids.b}>
                <span>{t('planning.sunlight.state.b')}</span>
                <select id={ids.b} className="st-select st-sun-input" value={settings.otherStateId} onChange={(e) => setSettings({ otherStateId: e.target.value })}>
                  {stateOptions(true)}
                </select>
              </label>
            )}
          </div>
        </fieldset>
        <ProfileForm disabled={busy} />

        <div className="st-row st-sun-run">
          <button type="button" className="st-btn st-sun-btn st-sun-btn--primary" disabled={!canRun} onClick={() => void controller?.run()}>
            {t('planning.sunlight.run.start')}
          </button>
          {busy && (
            <button type="button" className="st-btn st-sun-btn" onClick={() => controller?.cancel()}>
              {t('planning.sunlight.run.cancel')}
            </button>
          )}
        </div>
        {check.profile === null && <p className="st-note st-note--warn">{t('planning.sunlight.profile.invalid')}</p>}
        {busy && (
          <progress className="st-sun-progress" max={1} value={run.progress} aria-label={t('planning.sunlight.run.progress')} aria-valuetext={`${Math.round(run.progress * 100)}%`} />
        )}
        <p className="st-note" role="status" data-testid="sunlight-status">
          {t(`planning.sunlight.run.status.${run.status}`)}
          {busy && ` ${Math.round(run.progress * 100)}%`}
        </p>
        {run.status === 'failed' && <p className="st-note st-note--warn" role="alert">{errorText()}</p>}

        <SunlightResults onExportCsv={exportCsv} onPrint={() => setReportOpen(true)} onClear={clear} stateName={stateName} />
        {reportOpen && results && check.profile && (
          <SunlightReport profile={check.profile} results={results} stateName={stateName(settings.stateId)} receiversText={receiversText} capture={captureMap} onClose={closeReport} />
        )}
        <ShadowStudy latDeg={latDeg} lonDeg={lonDeg} year={year} />
      </div>
    </section>
  );
}

/**
 * Which buildings receive sunlight: the selected residential building, the residential buildings
 * of a plot (the selected one or the active site's by default), all of the site's, or those in a
 * polygon drawn on the ground (src/tools/sunlightReceiversTool.ts); plus the window spacing and
 * the optional ground heat map. Writes the choice to the store; the run reads it from there.
 */
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { landUseOf, displayName } from '../../../app/buildingFormat';
import { useAppStore } from '../../../state/hooks';
import { GROUND_HEIGHT_LIMITS_M, RECEIVER_KINDS, SPACING_LIMITS_M, type ReceiverKind } from '../../../state/sunlightSlice';
import { plotOfChoice } from './analysisInputs';

export function ReceiverPicker({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const ids = { radio: useId(), title: useId(), plot: useId(), spacing: useId(), height: useId() };
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const siteId = useAppStore((s) => s.activeSiteId);
  const selected = useAppStore((s) => s.selected);
  const selectedPlotId = useAppStore((s) => s.selectedPlotId);
  const settings = useAppStore((s) => s.sunlightSettings);
  const draw = useAppStore((s) => s.sunlightDraw);
  const setSettings = useAppStore((s) => s.setSunlightSettings);
  const drawEvent = useAppStore((s) => s.sunlightDrawEvent);
  const choice = settings.receivers;
  const selectedId = selected?.id ?? null;

  // A building choice follows the map selection, so picking another building needs no extra step.
  useEffect(() => {
    if (choice.kind === 'building' && selectedId !== null && choice.id !== selectedId) {
      setSettings({ receivers: { kind: 'building', id: selectedId, ring: null } });
    }
  }, [choice.kind, choice.id, selectedId, setSettings]);

  const plots = useMemo(
    () => [...(plan?.plots ?? [])].sort((a, b) => Number(b.landUse === 'R') - Number(a.landUse === 'R') || a.code.localeCompare(b.code)),
    [plan],
  );
  const plotId = choice.kind === 'plot' ? plotOfChoice(choice, { plan, imported: [], siteId, selectedBuildingId: selectedId, selectedPlotId }) : null;
  const site = plan?.sites.find((s) => s.id === siteId);

  const choose = (kind: ReceiverKind) => {
    if (kind === 'building') setSettings({ receivers: { kind, id: selectedId, ring: null } });
    else if (kind === 'plot') setSettings({ receivers: { kind, id: plotId ?? selectedPlotId ?? site?.plotId ?? null, ring: null } });
    else if (kind === 'site') setSettings({ receivers: { kind, id: null, ring: null } });
    else setSettings({ receivers: { kind, id: null, ring: choice.kind === 'polygon' ? choice.ring : null } });
    if (kind !== 'polygon' && draw.phase === 'drawing') drawEvent({ type: 'reset' });
  };

  const buildingName = selected ? displayName(selected.properties, lang).primary || selected.id : null;
  const selectedIsR = selected ? landUseOf(selected.properties) === 'R' : false;

  return (
    <fieldset className="st-sun-fieldset" disabled={disabled} aria-labelledby={ids.title}>
      <legend id={ids.title}>{t('planning.sunlight.receivers.title')}</legend>
      <div className="st-sun-choices">
        {RECEIVER_KINDS.map((k) => (
          <label key={k} className="st-chip st-sun-chip">
            <input type="radio" name={ids.radio} checked={choice.kind === k} onChange={() => choose(k)} />
            {t(`planning.sunlight.receivers.kinds.${k}`)}
          </label>
        ))}
      </div>

      {choice.kind === 'building' && (
        <p className={selected && !selectedIsR ? 'st-note st-note--warn' : 'st-note'} data-testid="sunlight-building">
          {!selected
            ? t('planning.sunlight.receivers.pickBuilding')
            : selectedIsR
              ? t('planning.sunlight.receivers.selected', { name: buildingName })
              : t('planning.sunlight.receivers.notResidential')}
        </p>
      )}

      {choice.kind === 'plot' && (
        <label className="st-field" htmlFor={ids.plot}>
          <span>{t('planning.sunlight.receivers.plot')}</span>
          <select
            id={ids.plot}
            data-testid="sunlight-plot"
            className="st-select"
            value={plotId ?? ''}
            onChange={(e) => setSettings({ receivers: { kind: 'plot', id: e.target.value || null, ring: null } })}
          >
            {plotId === null && <option value="">{t('planning.none')}</option>}
            {plots.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name[lang]}
              </option>
            ))}
          </select>
        </label>
      )}

      {choice.kind === 'site' && <p className="st-note">{site ? site.name[lang] : t('planning.sunlight.run.receiverProblems.no-site')}</p>}

      {choice.kind === 'polygon' && (
        <div className="st-sun-draw">
          {draw.phase === 'drawing' ? (
            <>
              <p className="st-note" role="status">{t('planning.sunlight.receivers.drawing', { n: draw.points.length })}</p>
              <p className="st-note">{t('planning.sunlight.receivers.drawHint')}</p>
              {draw.problem && <p className="st-note st-note--warn">{t(`planning.sunlight.receivers.drawProblem.${draw.problem}`)}</p>}
              <button type="button" className="st-btn st-sun-btn" onClick={() => drawEvent({ type: 'reset' })}>
                {t('planning.sunlight.receivers.stopDraw')}
              </button>
            </>
          ) : (
            <>
              {choice.ring && <p className="st-note">{t('planning.sunlight.receivers.closed', { n: choice.ring.length })}</p>}
              <button type="button" className="st-btn st-sun-btn" onClick={() => drawEvent({ type: 'start' })}>
                {choice.ring ? t('planning.sunlight.receivers.redraw') : t('planning.sunlight.receivers.draw')}
              </button>
            </>
          )}
        </div>
      )}

      {settings.mode !== 'state' && <p className="st-note">{t('planning.sunlight.receivers.impactNote')}</p>}

      <div className="st-sun-pair">
        <label className="st-field" htmlFor={ids.spacing}>
          <span>{t('planning.sunlight.receivers.spacing')}</span>
          <input
            id={ids.spacing}
            className="st-input st-sun-input"
            type="number"
            min={SPACING_LIMITS_M.min}
            max={SPACING_LIMITS_M.max}
            step={0.5}
            value={settings.spacingM}
            onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setSettings({ spacingM: e.target.valueAsNumber })}
          />
        </label>
        <label className="st-field" htmlFor={ids.height}>
          <span>{t('planning.sunlight.ground.height')}</span>
          <input
            id={ids.height}
            className="st-input st-sun-input"
            type="number"
            min={GROUND_HEIGHT_LIMITS_M.min}
            max={GROUND_HEIGHT_LIMITS_M.max}
            step={0.5}
            disabled={!settings.ground || settings.mode !== 'state'}
            value={settings.groundHeightM}
            onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setSettings({ groundHeightM: e.target.valueAsNumber })}
          />
        </label>
      </div>
      <label className="st-toggle st-sun-toggle">
        <input type="checkbox" checked={settings.ground} disabled={settings.mode !== 'state'} onChange={(e) => setSettings({ ground: e.target.checked })} />
        <span>{t('planning.sunlight.ground.toggle')}</span>
      </label>
    </fieldset>
  );
}

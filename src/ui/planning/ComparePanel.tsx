/**
 * The comparison controls: the site, what is shown (today, one scheme, or two states compared),
 * the layout of a comparison (swipe, side by side, toggle), and the automatic diff of the pair.
 * The divider is dragged in the view; the range input here is its keyboard equivalent.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentDiff, siteSchemes } from '../../analysis/planning/statePair';
import { EXISTING_STATE, type CompareLayout, type PlanViewMode } from '../../analysis/planning/types';
import { useAppStore } from '../../state/hooks';
import { DiffList } from './DiffList';
import { viewForMode } from './viewChoice';

const MODES: readonly PlanViewMode[] = ['existing', 'scheme', 'compare'];
const LAYOUTS: readonly CompareLayout[] = ['swipe', 'split', 'toggle'];

export function ComparePanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const radio = useId();
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const view = useAppStore((s) => s.planView);
  const siteId = useAppStore((s) => s.activeSiteId);
  const setPlanView = useAppStore((s) => s.setPlanView);
  const setActiveSite = useAppStore((s) => s.setActiveSite);

  const schemes = useMemo(() => (siteId ? siteSchemes(plan, imported, siteId) : []), [plan, imported, siteId]);
  const diff = useMemo(() => currentDiff(plan, imported, view, siteId), [plan, imported, view, siteId]);
  const sites = plan?.sites ?? [];
  const schemeIds = schemes.map((s) => s.id);
  const stateName = (id: string) =>
    id === EXISTING_STATE ? t('planning.existing') : (schemes.find((s) => s.id === id)?.name[lang] ?? id);
  const stateOptions = [EXISTING_STATE, ...schemeIds].map((id) => (
    <option key={id} value={id}>
      {stateName(id)}
    </option>
  ));

  const chooseSite = (id: string) => {
    setActiveSite(id);
    setPlanView(viewForMode(view.mode, view, siteSchemes(plan, imported, id).map((s) => s.id)));
  };

  if (sites.length === 0) {
    return (
      <section className="st-section st-plan-compare" aria-labelledby={titleId}>
        <h2 id={titleId} className="st-section__title">
          {t('planning.compare.title')}
        </h2>
        <p className="st-note">{t('planning.compare.noSites')}</p>
      </section>
    );
  }

  const other = view.toggleSide === 'left' ? view.right : view.left;
  const shownNow = view.toggleSide === 'left' ? view.left : view.right;
  return (
    <section className="st-section st-plan-compare" aria-labelledby={titleId}>
      <h2 id={titleId} className="st-section__title">
        {t('planning.compare.title')}
      </h2>
      <label className="st-field">
        <span>{t('planning.compare.site')}</span>
        <select className="st-select" value={siteId ?? ''} onChange={(e) => chooseSite(e.target.value)}>
          {siteId === null && <option value="">{t('planning.none')}</option>}
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name[lang]}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="st-plan-choice" disabled={siteId === null}>
        <legend>{t('planning.compare.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className="st-chip st-plan-choice__item">
            <input
              type="radio"
              name={`${radio}-mode`}
              checked={view.mode === m}
              disabled={m !== 'existing' && schemes.length === 0}
              onChange={() => setPlanView(viewForMode(m, view, schemeIds))}
            />
            {t(`planning.compare.modes.${m}`)}
          </label>
        ))}
      </fieldset>

      {view.mode === 'scheme' && (
        <label className="st-field">
          <span>{t('planning.compare.scheme')}</span>
          <select className="st-select" value={view.right} onChange={(e) => setPlanView({ right: e.target.value })}>
            {schemes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name[lang]}
              </option>
            ))}
          </select>
        </label>
      )}

      {view.mode === 'compare' && (
        <>
          <div className="st-plan-compare__pair">
            <label className="st-field">
              <span>{t('planning.compare.left')}</span>
              <select className="st-select" value={view.left} onChange={(e) => setPlanView({ left: e.target.value })}>
                {stateOptions}
              </select>
            </label>
            <label className="st-field">
              <span>{t('planning.compare.right')}</span>
              <select className="st-select" value={view.right} onChange={(e) => setPlanView({ right: e.target.value })}>
                {stateOptions}
              </select>
            </label>
          </div>
          <fieldset className="st-plan-choice">
            <legend>{t('planning.compare.layout')}</legend>
            {LAYOUTS.map((l) => (
              <label key={l} className="st-chip st-plan-choice__item">
                <input type="radio" name={`${radio}-layout`} checked={view.layout === l} onChange={() => setPlanView({ layout: l })} />
                {t(`planning.compare.layouts.${l}`)}
              </label>
            ))}
          </fieldset>
          {view.layout === 'toggle' && (
            <div className="st-row">
              <button
                type="button"
                className="st-btn"
                onClick={() => setPlanView({ toggleSide: view.toggleSide === 'left' ? 'right' : 'left' })}
              >
                {t('planning.compare.toggle', { name: stateName(other) })}
              </button>
              <span role="status">{t('planning.compare.showing', { name: stateName(shownNow) })}</span>
            </div>
          )}
          {view.layout === 'swipe' && (
            <label className="st-field">
              <span>{t('planning.compare.divider')}</span>
              <input
                type="range"
                className="st-range"
                min={0}
                max={100}
                step={1}
                value={Math.round(view.dividerX * 100)}
                aria-valuetext={`${Math.round(view.dividerX * 100)}%`}
                onChange={(e) => setPlanView({ dividerX: Number(e.target.value) / 100 })}
              />
            </label>
          )}
        </>
      )}

      {diff && <DiffList diff={diff} />}
    </section>
  );
}

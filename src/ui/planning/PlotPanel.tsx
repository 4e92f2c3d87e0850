/**
 * The selected 控规 plot: code, land-use class, area, its four limits (示意) and the schemes drawn
 * for it, each of which can be shown or compared with today's city from here.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { siteBoard } from '../../analysis/planning/board';
import { polygonArea } from '../../analysis/planning/polygon';
import { siteSchemes } from '../../analysis/planning/statePair';
import { EXISTING_STATE } from '../../analysis/planning/types';
import { LAND_USE_INFO } from '../../core/landUse';
import { useAppStore } from '../../state/hooks';
import { formatValue } from './indicatorFormat';
import { PlotLimitsList } from './PlotLimitsList';

export function PlotPanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const plotId = useAppStore((s) => s.selectedPlotId);
  const selectPlot = useAppStore((s) => s.selectPlot);
  const setPlanView = useAppStore((s) => s.setPlanView);
  const setActiveSite = useAppStore((s) => s.setActiveSite);

  const plot = plan?.plots.find((p) => p.id === plotId) ?? null;
  const site = plot ? (plan?.sites.find((s) => s.plotId === plot.id) ?? null) : null;
  const areaM2 = useMemo(() => {
    if (!plot || !plan) return null;
    // The board's site area is the figure the compliance check uses; plots without a site fall
    // back to the same polygon routine so the two can never disagree.
    const board = site ? siteBoard(plan, imported, site.id) : null;
    return board?.states[0]?.indicators.siteAreaM2 ?? polygonArea(plot.ring, plot.holes ?? []);
  }, [plan, imported, plot, site]);
  if (!plot || !plan) return null;

  const schemes = site
    ? siteSchemes(plan, imported, site.id)
    : plan.schemes.filter((s) => plot.schemeIds.includes(s.id));
  const show = (id: string, siteId: string, compare: boolean) => {
    setActiveSite(siteId);
    setPlanView(compare ? { mode: 'compare', left: EXISTING_STATE, right: id } : { mode: 'scheme', right: id });
  };
  const info = LAND_USE_INFO[plot.landUse];

  return (
    <section className="st-section st-plan-plot" aria-labelledby={titleId} data-plot={plot.id}>
      <header className="st-attr__head">
        <h2 id={titleId} className="st-section__title">
          {t('planning.plot.title', { code: plot.code })}{' '}
          <span className="st-badge st-badge--warn st-badge--small">{t('planning.illustrative')}</span>
        </h2>
        <button type="button" className="st-icon-btn" aria-label={t('planning.plot.close')} onClick={() => selectPlot(null)}>
          ×
        </button>
      </header>
      <p className="st-plan-plot__name">{plot.name[lang]}</p>
      <dl className="st-attr__list">
        <dt>{t('planning.plot.code')}</dt>
        <dd>{plot.code}</dd>
        <dt>{t('planning.plot.landUse')}</dt>
        <dd>
          <span className="st-landuse">
            <span className="st-swatch" style={{ background: info.colorHex }} aria-hidden="true" />
            <span className="st-landuse__code">{plot.landUse}</span>
            <span>{info[lang]}</span>
          </span>
        </dd>
        {areaM2 !== null && (
          <>
            <dt>{t('planning.plot.area')}</dt>
            <dd data-value={areaM2}>{formatValue('siteAreaM2', areaM2, lang)}</dd>
          </>
        )}
      </dl>
      <h3 className="st-legend__title">{t('planning.plot.limits')}</h3>
      <PlotLimitsList limits={plot.limits} />
      <p className="st-note st-note--warn">{t('planning.illustrativeNote')}</p>
      <h3 className="st-legend__title">{t('planning.plot.schemes')}</h3>
      {schemes.length === 0 ? (
        <p className="st-note">{t('planning.plot.noSchemes')}</p>
      ) : (
        <ul className="st-plan-plot__schemes">
          {schemes.map((s) => (
            <li key={s.id} className="st-plan-plot__scheme">
              <span>{s.name[lang]}</span>
              <span className="st-row">
                <button type="button" className="st-btn st-btn--small st-plan-btn" aria-label={`${t('planning.plot.show')} · ${s.name[lang]}`} onClick={() => show(s.id, s.siteId, false)}>
                  {t('planning.plot.show')}
                </button>
                <button type="button" className="st-btn st-btn--small st-plan-btn" aria-label={`${t('planning.plot.compare')} · ${s.name[lang]}`} onClick={() => show(s.id, s.siteId, true)}>
                  {t('planning.plot.compare')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The printable sunlight report, in the overlay and print stylesheet of the scheme report
 * (PlanReport.tsx): the label 方案参考，非报建结论, what was analysed, every rule parameter, the
 * summary, a picture of the map in the analysed state, the failing buildings and the impact list.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../analysis/sunlight/profiles';
import { HTML_LANG } from '../../../app/i18n';
import { useAppStore } from '../../../state/hooks';
import type { SunlightResultSet } from '../../../state/sunlightResults';
import type { StateImage } from '../../../state/viewCapture';
import '../planReport.css';
import { paramPairs } from './profileForm';
import { failingBuildings, formatHours } from './resultTables';
import { FailingBuildingRows } from './FailingBuildingRows';

interface Props {
  profile: Profile;
  results: SunlightResultSet;
  stateName: string;
  receiversText: string;
  /** Takes the map picture; resolves to none when no view can capture. */
  capture: () => Promise<StateImage[]>;
  onClose(): void;
  now?: () => number;
}

export function SunlightReport({ profile, results, stateName, receiversText, capture, onClose, now = Date.now }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const lang = useAppStore((s) => s.language);
  const run = useAppStore((s) => s.sunlightRun);
  const [shot, setShot] = useState<StateImage | null | undefined>(undefined);
  const [date] = useState(() => new Date(now()));
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  useEffect(() => {
    let live = true;
    capture()
      .then((shots) => live && setShot(shots[0] ?? null))
      // Without a picture the report is still complete.
      .catch(() => live && setShot(null));
    return () => {
      live = false;
    };
  }, [capture]);

  const sum = run.summary;
  const name = (id: string) => results.buildingNames[id]?.[lang] || id;
  const byId = new Map(results.primary.map((r) => [r.id, r]));
  const value = (k: string, v: string) =>
    k === 'term' ? t(`planning.sunlight.profile.terms.${v}`) : k === 'mode' ? t(`planning.sunlight.profile.modes.${v}`) : v;

  return createPortal(
    <div className="st-plan-report-root">
      <div ref={dialog} className="st-plan-report" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} data-testid="sunlight-report">
        <header className="st-plan-report__head">
          <h1 id={titleId}>{t('planning.sunlight.report.title')}</h1>
          <div className="st-row st-plan-report__actions">
            <button type="button" className="st-btn" onClick={() => window.print()}>
              {t('planning.sunlight.report.print')}
            </button>
            <button type="button" className="st-btn" onClick={onClose}>
              {t('planning.sunlight.report.close')}
            </button>
          </div>
        </header>
        <p className="st-plan-report__notice">
          <strong>{t('planning.sunlight.label')}</strong> {t('planning.sunlight.labelNote')}
        </p>
        <dl className="st-plan-report__facts">
          <dt>{t('planning.sunlight.report.profileName')}</dt>
          <dd>{profile.name[lang]}</dd>
          <dt>{t('planning.sunlight.state.state')}</dt>
          <dd>{stateName}</dd>
          <dt>{t('planning.sunlight.report.receivers')}</dt>
          <dd>{receiversText}</dd>
          <dt>{t('planning.sunlight.report.date')}</dt>
          <dd>
            <time dateTime={date.toISOString().slice(0, 10)}>{new Intl.DateTimeFormat(HTML_LANG[lang], { dateStyle: 'long' }).format(date)}</time>
          </dd>
        </dl>
        <h2>{t('planning.sunlight.report.params')}</h2>
        <table className="st-plan-board__table">
          <tbody>
            {paramPairs(profile).map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{t(`planning.sunlight.profile.params.${k}`)}</th>
                <td>{value(k, v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="st-note">{t('planning.sunlight.profile.source', { source: profile.source[lang] })}</p>
        <h2>{t('planning.sunlight.report.summary')}</h2>
        {sum && (
          <p>
            {t('planning.sunlight.results.receivers')} {sum.receivers} · {t('planning.sunlight.results.passed')} {sum.passed} ·{' '}
            {t('planning.sunlight.results.failed')} {sum.failed} · {t('planning.sunlight.results.range')} {formatHours(sum.minHours)} – {formatHours(sum.maxHours)}
          </p>
        )}
        <h2>{t('planning.sunlight.report.map')}</h2>
        <figure className="st-plan-report__shot">
          {shot ? (
            <img src={shot.dataUrl} alt={stateName} />
          ) : (
            <div className="st-plan-report__placeholder">{shot === undefined ? t('planning.report.capturing') : t('planning.report.placeholder')}</div>
          )}
          <figcaption>{stateName}</figcaption>
        </figure>
        <h2>{t('planning.sunlight.results.failingBuildings')}</h2>
        {failingBuildings(results.primary).length === 0 ? (
          <p>{t('planning.sunlight.results.none')}</p>
        ) : (
          <table className="st-plan-board__table">
            <thead>
              <tr>
                <th scope="col">{t('planning.sunlight.results.building')}</th>
                <th scope="col">{t('planning.sunlight.results.windows')}</th>
                <th scope="col">{t('planning.sunlight.results.floors')}</th>
                <th scope="col">{t('planning.sunlight.results.hours')}</th>
              </tr>
            </thead>
            <tbody>
              <FailingBuildingRows rows={failingBuildings(results.primary)} name={name} />
            </tbody>
          </table>
        )}
        {results.impact.length > 0 && (
          <>
            <h2>{t('planning.sunlight.impact.title')}</h2>
            <table className="st-plan-board__table">
              <thead>
                <tr>
                  <th scope="col">{t('planning.sunlight.results.building')}</th>
                  <th scope="col">{t('planning.sunlight.results.floor')}</th>
                  <th scope="col">{t('planning.sunlight.impact.before')}</th>
                  <th scope="col">{t('planning.sunlight.impact.after')}</th>
                  <th scope="col">{t('planning.sunlight.impact.newlyFailing')}</th>
                </tr>
              </thead>
              <tbody>
                {results.impact.map((row) => {
                  const r = byId.get(row.receiverId);
                  return (
                    <tr key={row.receiverId}>
                      <th scope="row">{r ? name(r.buildingId) : row.receiverId}</th>
                      <td>{r?.floor ?? ''}</td>
                      <td>{formatHours(row.beforeHours)}</td>
                      <td>{formatHours(row.afterHours)}</td>
                      <td>{row.newlyFailing ? '✔' : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </div>
    </div>,
    document.body,
  );
}
